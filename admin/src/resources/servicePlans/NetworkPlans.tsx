import { NoCatalogueHint } from './NoCatalogueHint';
import { useMemo, useState } from 'react';
import { Alert, Box, Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import {
  Datagrid,
  FunctionField,
  NumberField,
  Pagination,
  ReferenceManyField,
  SelectField,
  TextField,
  useCanAccess,
  useDataProvider,
  useGetList,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { enumChoices } from '../../common/enums';
import { formatEuro, formatLocalDate, formatNumber, Locale } from '../../common/format';
import { LocalDateField } from '../../common/LocalDateField';
import type { RetiDataProvider } from '../../providers/dataProvider';
import { EditEnrolmentDialog, EnrolmentDialog, OutcomeDialog, Phase2Dialog, ServiceDialog } from './PlanDialogs';
import { NetworkPlanContext, PlanContext, PlanServiceType, usePlanContext } from './planContext';

type Enrolment = { id: string; reference: string; phase2ServiceTypeId: string | null };
type Dialog = 'PLANNED' | 'DELIVERED' | 'phase2' | 'outcome' | 'enrolment' | null;

/** The plan's figures per service type, then its services one by one. */
const PlanTables = ({ enrolmentId }: { enrolmentId: string }) => {
  const translate = useTranslate();
  const [locale = 'it'] = useLocaleState();
  const dataProvider = useDataProvider<RetiDataProvider>();
  const { serviceTypeName, partnerName } = usePlanContext();
  // Keyed under the resource, so that react-admin's refresh after every save reloads it.
  const { data } = useQuery({ queryKey: ['recipientEnrolments', 'plan', enrolmentId], queryFn: () => dataProvider.getEnrolmentPlan(enrolmentId) });
  if (!data) return null;
  const money = (amount: string) => formatEuro(amount, locale as Locale);
  const hours = (value: number | null) => (value === null ? translate('reti.plans.no_cap') : formatNumber(value, locale as Locale));
  const statusLabel = (status: string) => translate(`reti.enums.ServiceStatus.${status}`);
  const deliveryLabel = (delivery: string) => translate(`reti.enums.DeliveryMode.${delivery}`);
  return (
    <Stack spacing={2}>
      <Typography variant="subtitle2" component="h3">
        {translate('reti.plans.plan')}
      </Typography>
      {data.plan.length ? (
        <Table size="small" data-testid="plan-lines" aria-label={translate('reti.plans.plan')}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('reti.plans.service')}</TableCell>
              <TableCell align="right">{translate('reti.plans.planned_hours')}</TableCell>
              <TableCell align="right">{translate('reti.plans.delivered_hours')}</TableCell>
              <TableCell align="right">{translate('reti.plans.max_hours')}</TableCell>
              <TableCell align="right">{translate('reti.plans.hours_left')}</TableCell>
              <TableCell align="right">{translate('reti.plans.planned_amount')}</TableCell>
              <TableCell align="right">{translate('reti.plans.delivered_amount')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.plan.map((line) => (
              <TableRow key={line.serviceTypeId}>
                <TableCell>{serviceTypeName(line.serviceTypeId)}</TableCell>
                <TableCell align="right">{hours(line.plannedHours)}</TableCell>
                <TableCell align="right">{hours(line.deliveredHours)}</TableCell>
                <TableCell align="right">{hours(line.maxHours)}</TableCell>
                <TableCell align="right">{line.maxHours === null ? '—' : hours(line.hoursLeft)}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>{money(line.plannedAmount)}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>{money(line.deliveredAmount)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate('reti.plans.no_services')}
        </Typography>
      )}
      {data.services.length > 0 && (
        <>
          <Typography variant="subtitle2" component="h3">
            {translate('reti.plans.services')}
          </Typography>
          <Table size="small" data-testid="plan-services" aria-label={translate('reti.plans.services')}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('resources.recipientServices.fields.serviceDate')}</TableCell>
                <TableCell>{translate('resources.recipientServices.fields.serviceTypeId')}</TableCell>
                <TableCell>{translate('resources.recipientServices.fields.partnerId')}</TableCell>
                <TableCell>{translate('resources.recipientServices.fields.delivery')}</TableCell>
                <TableCell>{translate('resources.recipientServices.fields.status')}</TableCell>
                <TableCell align="right">{translate('resources.recipientServices.fields.hours')}</TableCell>
                <TableCell align="right">{translate('resources.recipientServices.fields.amount')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.services.map((service) => (
                <TableRow key={service.id}>
                  <TableCell>{formatLocalDate(service.serviceDate)}</TableCell>
                  <TableCell>{serviceTypeName(service.serviceTypeId)}</TableCell>
                  <TableCell>{partnerName(service.partnerId)}</TableCell>
                  <TableCell>{deliveryLabel(service.delivery)}</TableCell>
                  <TableCell>{statusLabel(service.status)}</TableCell>
                  <TableCell align="right">{hours(service.hours)}</TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>{money(service.amount)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </Stack>
  );
};

/** One recipient's plan, opened from its row, with the buttons that change it. */
const EnrolmentPlan = () => {
  const enrolment = useRecordContext<Enrolment>();
  const translate = useTranslate();
  const [dialog, setDialog] = useState<Dialog>(null);
  const { canAccess: canPlan } = useCanAccess({ action: 'create', resource: 'recipientServices' });
  const { canAccess: canEdit } = useCanAccess({ action: 'edit', resource: 'recipientEnrolments', record: enrolment });
  if (!enrolment) return null;
  const close = () => setDialog(null);
  return (
    <Box sx={{ py: 1 }} data-testid={`plan-${enrolment.reference}`}>
      <PlanTables enrolmentId={enrolment.id} />
      {(canPlan || canEdit) && (
        <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap sx={{ mt: 2 }}>
          {canPlan && (
            <>
              <Button variant="outlined" size="small" onClick={() => setDialog('PLANNED')}>
                {translate('reti.plans.add_planned')}
              </Button>
              <Button variant="outlined" size="small" onClick={() => setDialog('DELIVERED')}>
                {translate('reti.plans.add_delivered')}
              </Button>
            </>
          )}
          {canEdit && (
            <>
              <Button size="small" onClick={() => setDialog('enrolment')}>
                {translate('reti.plans.edit_enrolment')}
              </Button>
              <Button size="small" onClick={() => setDialog('phase2')}>
                {translate('reti.plans.set_phase2')}
              </Button>
              <Button size="small" onClick={() => setDialog('outcome')}>
                {translate('reti.plans.set_outcome')}
              </Button>
            </>
          )}
        </Stack>
      )}
      {(dialog === 'PLANNED' || dialog === 'DELIVERED') && <ServiceDialog enrolment={enrolment} status={dialog} onClose={close} />}
      {dialog === 'phase2' && <Phase2Dialog enrolmentId={enrolment.id} onClose={close} />}
      {dialog === 'outcome' && <OutcomeDialog enrolmentId={enrolment.id} onClose={close} />}
      {dialog === 'enrolment' && <EditEnrolmentDialog enrolmentId={enrolment.id} onClose={close} />}
    </Box>
  );
};

/**
 * The network's recipients, each under the pseudonymous reference of its enrolment (never a tax
 * code), with their personal plans: a row opens the plan.
 */
export const NetworkPlans = () => {
  const network = useRecordContext();
  const translate = useTranslate();
  const [enrolling, setEnrolling] = useState(false);
  const { canAccess: canEnrol } = useCanAccess({ action: 'create', resource: 'recipientEnrolments' });
  const { data: serviceTypes } = useGetList<PlanServiceType>(
    'serviceTypes',
    { filter: { measureId: network?.measureId }, pagination: { page: 1, perPage: 200 }, sort: { field: 'phase', order: 'ASC' } },
    { enabled: !!network },
  );
  const { data: partners } = useGetList<{ id: string; legalName: string }>(
    'partners',
    { filter: { networkId: network?.id }, pagination: { page: 1, perPage: 200 }, sort: { field: 'legalName', order: 'ASC' } },
    { enabled: !!network },
  );
  const context = useMemo<NetworkPlanContext | null>(() => {
    if (!serviceTypes || !partners) return null;
    const types = new Map(serviceTypes.map((t) => [t.id, t]));
    const names = new Map(partners.map((p) => [p.id, p.legalName]));
    return {
      serviceTypes,
      partners,
      serviceTypeName: (id) => (id && types.get(id)?.name) || '—',
      partnerName: (id) => names.get(id) ?? '—',
    };
  }, [serviceTypes, partners]);
  if (!network || !context) return null;
  return (
    <PlanContext.Provider value={context}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('reti.plans.intro')}
      </Typography>
      {serviceTypes!.length === 0 && <NoCatalogueHint />}
      {canEnrol && (
        <Button variant="outlined" size="small" sx={{ mb: 1 }} onClick={() => setEnrolling(true)}>
          {translate('reti.plans.enrol')}
        </Button>
      )}
      {enrolling && <EnrolmentDialog networkId={String(network.id)} onClose={() => setEnrolling(false)} />}
      <ReferenceManyField
        reference="recipientEnrolments"
        target="networkId"
        sort={{ field: 'enrolledOn', order: 'ASC' }}
        perPage={25}
        pagination={<Pagination />}
        empty={<Alert severity="info">{translate('reti.plans.empty')}</Alert>}
      >
        <Datagrid bulkActionButtons={false} rowClick="expand" expand={<EnrolmentPlan />} data-testid="plans">
          <TextField source="reference" sortable={false} />
          <SelectField source="kind" choices={enumChoices('RecipientKind')} />
          <LocalDateField source="enrolledOn" />
          <NumberField source="aidBand" emptyText="—" />
          <FunctionField source="phase2ServiceTypeId" render={(e: Enrolment) => context.serviceTypeName(e.phase2ServiceTypeId)} />
          <SelectField source="outcome" choices={enumChoices('Outcome')} emptyText="—" />
          <LocalDateField source="outcomeOn" />
          <SelectField source="outcomeContract" choices={enumChoices('ContractType')} emptyText="—" />
        </Datagrid>
      </ReferenceManyField>
    </PlanContext.Provider>
  );
};
