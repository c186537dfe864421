import { ReactNode } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import {
  AutocompleteInput,
  BooleanInput,
  CheckboxGroupInput,
  CreateBase,
  EditBase,
  Form,
  minValue,
  ReferenceInput,
  required,
  SaveButton,
  SelectInput,
  TextInput,
  useNotify,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { enumChoices } from '../../common/enums';
import { DateInput, NumberInput } from '../../common/ItalianInputs';
import { MoneyInput } from '../../common/MoneyInput';
import { useApiErrorNotifier } from '../../common/useApiErrorNotifier';
import { validatePersonTaxCode } from '../../common/validation';
import { usePlanContext } from './planContext';

interface PlanDialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** 'onBlur' checks each input as the user leaves it, before saving. */
  mode?: 'onSubmit' | 'onBlur';
}

/** A dialog around a form of the plan; the form's controller (CreateBase, EditBase) wraps it. */
const PlanDialog = ({ title, onClose, children, mode }: PlanDialogProps) => {
  const translate = useTranslate();
  return (
    <Dialog open onClose={onClose} aria-labelledby="plan-dialog-title" fullWidth maxWidth="sm">
      <Form mode={mode}>
        <DialogTitle id="plan-dialog-title">{translate(title)}</DialogTitle>
        <DialogContent>{children}</DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{translate('reti.plans.cancel')}</Button>
          <SaveButton label="reti.plans.save" />
        </DialogActions>
      </Form>
    </Dialog>
  );
};

/**
 * After a save: say so, reload the page's data (the plan's hours, the compliance report) and close.
 * Refusals go to the fields they concern, or are told in plain words (useApiErrorNotifier).
 */
function useSaved(message: string, onClose: () => void) {
  const notify = useNotify();
  const refresh = useRefresh();
  const onError = useApiErrorNotifier();
  return {
    onSuccess: () => {
      notify(message, { type: 'success' });
      refresh();
      onClose();
    },
    onError,
  };
}

/** Plans a service, or records one delivered, for a recipient; the delivering partner is one of the network's members. */
export const ServiceDialog = ({ enrolment, status, onClose }: { enrolment: { id: string }; status: 'PLANNED' | 'DELIVERED'; onClose: () => void }) => {
  const { serviceTypes, partners } = usePlanContext();
  const mutationOptions = useSaved(status === 'PLANNED' ? 'reti.plans.planned_added' : 'reti.plans.delivered_added', onClose);
  return (
    <CreateBase resource="recipientServices" record={{ enrolmentId: enrolment.id, status, delivery: 'INDIVIDUAL' }} redirect={false} mutationOptions={mutationOptions}>
      <PlanDialog title={status === 'PLANNED' ? 'reti.plans.add_planned' : 'reti.plans.add_delivered'} onClose={onClose}>
        <SelectInput source="serviceTypeId" choices={serviceTypes} optionText={(t) => `${t.code} – ${t.name}`} validate={required()} fullWidth />
        <SelectInput source="partnerId" choices={partners} optionText="legalName" validate={required()} fullWidth />
        <SelectInput source="delivery" choices={enumChoices('DeliveryMode')} validate={required()} />
        <DateInput source="serviceDate" validate={required()} />
        <NumberInput source="hours" validate={[required(), minValue(0)]} />
        <MoneyInput source="amount" helperText="reti.plans.amount_hint" />
      </PlanDialog>
    </CreateBase>
  );
};

/** The phase-2 alternative chosen for the recipient, among the measure's phase-2 services. */
export const Phase2Dialog = ({ enrolmentId, onClose }: { enrolmentId: string; onClose: () => void }) => {
  const { serviceTypes } = usePlanContext();
  const mutationOptions = useSaved('reti.plans.phase2_saved', onClose);
  return (
    <EditBase resource="recipientEnrolments" id={enrolmentId} mutationMode="pessimistic" redirect={false} mutationOptions={mutationOptions}>
      <PlanDialog title="reti.plans.set_phase2" onClose={onClose}>
        <SelectInput source="phase2ServiceTypeId" choices={serviceTypes.filter((t) => t.phase === 2)} optionText="name" fullWidth />
      </PlanDialog>
    </EditBase>
  );
};

const outcomeDate = (value: unknown, values: { outcome?: string | null }) => (values.outcome && !value ? 'reti.plans.outcome_date_required' : undefined);

/** What phase 2 led to: a job (with its contract), a traineeship or a new business, and when. */
export const OutcomeDialog = ({ enrolmentId, onClose }: { enrolmentId: string; onClose: () => void }) => {
  const mutationOptions = useSaved('reti.plans.outcome_saved', onClose);
  return (
    <EditBase resource="recipientEnrolments" id={enrolmentId} mutationMode="pessimistic" redirect={false} mutationOptions={mutationOptions}>
      <PlanDialog title="reti.plans.set_outcome" onClose={onClose}>
        <SelectInput source="outcome" choices={enumChoices('Outcome')} fullWidth />
        <DateInput source="outcomeOn" validate={outcomeDate} />
        <SelectInput source="outcomeContract" choices={enumChoices('ContractType')} fullWidth />
      </PlanDialog>
    </EditBase>
  );
};

const AID_BANDS = [1, 2, 3, 4].map((band) => ({ id: band, name: String(band) }));

/** What the enrolment says of the recipient, the tax code apart: the same on enrolling and correcting. */
const EnrolmentInputs = () => (
  <>
    <SelectInput source="kind" choices={enumChoices('RecipientKind')} validate={required()} fullWidth />
    <DateInput source="enrolledOn" validate={required()} />
    <SelectInput source="aidBand" choices={AID_BANDS} fullWidth />
    <ReferenceInput source="residenceMunicipalityId" reference="municipalities" sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput fullWidth />
    </ReferenceInput>
    <SelectInput source="previousContract" choices={enumChoices('PreviousContract')} fullWidth />
    <BooleanInput source="relocationAllowance" />
    <SelectInput source="hoursReduction" choices={enumChoices('HoursReduction')} fullWidth />
    <CheckboxGroupInput source="outsidePolicies" choices={enumChoices('OutsidePolicy')} row={false} helperText="reti.plans.outside_policies_hint" />
  </>
);

/** Enrols a recipient in the network; only the tax code's keyed hash is kept, and it is never shown back. */
export const EnrolmentDialog = ({ networkId, onClose }: { networkId: string; onClose: () => void }) => {
  const mutationOptions = useSaved('reti.plans.enrolled', onClose);
  return (
    <CreateBase resource="recipientEnrolments" record={{ networkId, relocationAllowance: false, outsidePolicies: [] }} redirect={false} mutationOptions={mutationOptions}>
      <PlanDialog title="reti.plans.enrol" onClose={onClose} mode="onBlur">
        <TextInput source="taxCode" validate={validatePersonTaxCode} autoComplete="off" fullWidth />
        <EnrolmentInputs />
      </PlanDialog>
    </CreateBase>
  );
};

/** Corrects an enrolment; its tax code cannot be changed here. */
export const EditEnrolmentDialog = ({ enrolmentId, onClose }: { enrolmentId: string; onClose: () => void }) => {
  const mutationOptions = useSaved('reti.plans.enrolment_saved', onClose);
  return (
    <EditBase resource="recipientEnrolments" id={enrolmentId} mutationMode="pessimistic" redirect={false} mutationOptions={mutationOptions}>
      <PlanDialog title="reti.plans.edit_enrolment" onClose={onClose}>
        <EnrolmentInputs />
      </PlanDialog>
    </EditBase>
  );
};
