import { ReactNode } from 'react';
import { Alert, Stack } from '@mui/material';
import {
  CreateBase,
  EditBase,
  Form,
  Labeled,
  NumberField,
  RaRecord,
  RecordContextProvider,
  SaveButton,
  TextField,
  TextInput,
  useCanAccess,
  useGetManyReference,
  useGetOne,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { formatLocalDate } from '../../../common/format';
import { DateInput, NumberInput } from '../../../common/ItalianInputs';
import { LocalDateField } from '../../../common/LocalDateField';
import { useApiErrorNotifier } from '../../../common/useApiErrorNotifier';

/** Seed 002's contents, in its order: the server's PROJECT_SHEET rule asks for every one. */
const SECTIONS = ['applicationDate', 'companyContext', 'recipientsProfile', 'specificObjectives', 'partnership', 'organisation', 'timeline', 'expectedResults', 'expectedPlacements'] as const;
const TEXTS = SECTIONS.filter((section) => section !== 'applicationDate' && section !== 'expectedPlacements');

type Sheet = RaRecord & Partial<Record<(typeof SECTIONS)[number], string | number | null>>;

interface Measure {
  rules: string[];
  openFrom: string | null;
  openTo: string | null;
}

const label = (section: string) => `accounts.sheet.fields.${section}`;
const missingOf = (sheet: Sheet | undefined) => SECTIONS.filter((section) => sheet?.[section] == null || String(sheet[section]).trim() === '');

/** Which contents are still missing, by name, or that the sheet is complete. */
const Completeness = ({ sheet, required }: { sheet?: Sheet; required: boolean }) => {
  const translate = useTranslate();
  const missing = missingOf(sheet);
  return (
    <Alert severity={missing.length ? 'warning' : 'success'} sx={{ mb: 2 }} data-testid="sheet-completeness">
      {missing.length ? translate('accounts.sheet.incomplete', { missing: missing.map((section) => translate(label(section))).join('; ') }) : translate('accounts.sheet.complete')}
      {missing.length > 0 && required && ` ${translate('accounts.sheet.required_for_activation')}`}
    </Alert>
  );
};

/** "dal 19/02/2021 al 31/12/2021", as the server words the call's window. */
function useWindowText(measure: Measure): string | null {
  const translate = useTranslate();
  const from = measure.openFrom && formatLocalDate(measure.openFrom);
  const to = measure.openTo && formatLocalDate(measure.openTo);
  if (from && to) return translate('accounts.sheet.window_from_to', { from, to });
  if (from) return translate('accounts.sheet.window_from', { from });
  if (to) return translate('accounts.sheet.window_to', { to });
  return null;
}

/** For those who may not edit the network: the contents as text. */
const SheetView = ({ sheet }: { sheet?: Sheet }) => (
  <RecordContextProvider value={sheet}>
    <Stack spacing={2}>
      {SECTIONS.map((section) => (
        <Labeled key={section} label={label(section)}>
          {section === 'applicationDate' ? <LocalDateField source={section} /> : section === 'expectedPlacements' ? <NumberField source={section} emptyText="—" /> : <TextField source={section} emptyText="—" />}
        </Labeled>
      ))}
    </Stack>
  </RecordContextProvider>
);

const SheetInputs = ({ measure }: { measure: Measure }) => {
  const translate = useTranslate();
  const window = useWindowText(measure);
  const withinWindow = (date: unknown) =>
    measure.rules.includes('APPLICATION_WINDOW') && typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) && ((measure.openFrom && date < measure.openFrom) || (measure.openTo && date > measure.openTo))
      ? translate('accounts.sheet.outside_window', { date: formatLocalDate(date), window })
      : undefined;
  return (
    <Stack spacing={1} sx={{ maxWidth: 900 }}>
      <DateInput
        source="applicationDate"
        label={label('applicationDate')}
        validate={withinWindow}
        helperText={window ? translate('accounts.sheet.window', { window }) : false}
        sx={{ width: 320 }}
      />
      {TEXTS.map((section) => (
        <TextInput key={section} source={section} label={label(section)} multiline minRows={2} fullWidth />
      ))}
      <NumberInput
        source="expectedPlacements"
        label={label('expectedPlacements')}
        validate={(value: unknown) => (typeof value === 'number' && (!Number.isInteger(value) || value < 0) ? 'edit.validation.number' : undefined)}
        sx={{ width: 320 }}
      />
      <div>
        <SaveButton label="accounts.sheet.save" />
      </div>
    </Stack>
  );
};

/**
 * Saves through react-admin's controllers, pessimistically: field refusals land on their inputs,
 * broken rules and a stale version are told in plain words.
 */
const SheetForm = ({ sheet, networkId, children }: { sheet?: Sheet; networkId: string; children: ReactNode }) => {
  const notify = useNotify();
  const refresh = useRefresh();
  const onError = useApiErrorNotifier();
  const mutationOptions = {
    onSuccess: () => {
      notify('accounts.sheet.saved', { type: 'success' });
      refresh();
    },
    onError,
  };
  return sheet ? (
    <EditBase resource="projectSheets" id={sheet.id} mutationMode="pessimistic" redirect={false} mutationOptions={mutationOptions}>
      <Form key={sheet.version}>{children}</Form>
    </EditBase>
  ) : (
    <CreateBase resource="projectSheets" record={{ networkId }} redirect={false} mutationOptions={mutationOptions}>
      <Form>{children}</Form>
    </CreateBase>
  );
};

/**
 * The network's project sheet (seed 002): the contents a project must define, how complete they
 * are, and the application date against the call's window.
 */
export const ProjectSheet = () => {
  const network = useRecordContext<{ id: string; measureId: string; status: string }>();
  const { canAccess } = useCanAccess({ action: 'edit', resource: 'networks', record: network });
  const { data: measure } = useGetOne<Measure & RaRecord>('measures', { id: network?.measureId }, { enabled: !!network?.measureId });
  const { data: sheets } = useGetManyReference<Sheet>('projectSheets', { target: 'networkId', id: network?.id, pagination: { page: 1, perPage: 1 } }, { enabled: !!network?.id });
  if (!network || !measure || !sheets) return null;
  const [sheet] = sheets;
  const editable = canAccess && !['CLOSED', 'WITHDRAWN'].includes(network.status);
  return (
    <>
      <Completeness sheet={sheet} required={measure.rules.includes('PROJECT_SHEET')} />
      {editable ? (
        <SheetForm sheet={sheet} networkId={network.id}>
          <SheetInputs measure={measure} />
        </SheetForm>
      ) : (
        <SheetView sheet={sheet} />
      )}
    </>
  );
};
