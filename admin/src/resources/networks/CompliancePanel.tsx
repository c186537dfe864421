import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import { Alert, List, ListItem, ListItemIcon, ListItemText } from '@mui/material';
import { useGetOne, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { violationText } from '../../common/useApiErrorNotifier';
import { useCompliance } from './useCompliance';

/** Every rule of the network's measure, each with a tick or with what breaks it, in plain words. */
export const CompliancePanel = () => {
  const network = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data: report } = useCompliance(network?.id as string | undefined);
  const { data: measure } = useGetOne('measures', { id: network?.measureId }, { enabled: !!network?.measureId });
  if (!report || !measure) return null;
  return (
    <>
      <Alert severity={report.ok ? 'success' : 'warning'} sx={{ mb: 2 }} data-testid="compliance-summary">
        {translate(report.ok ? 'reti.network.compliance_ok' : 'reti.network.compliance_ko')}
      </Alert>
      <List dense data-testid="compliance-rules">
        {(measure.rules as string[]).map((rule) => {
          const broken = report.violations.filter((v) => v.rule === rule);
          return (
            <ListItem key={rule}>
              <ListItemIcon>{broken.length ? <ErrorIcon color="error" /> : <CheckCircleIcon color="success" />}</ListItemIcon>
              <ListItemText
                primary={translate(`reti.enums.RuleCode.${rule}`)}
                secondary={broken.map((v) => `${violationText(v, locale)} ${translate('reti.rules.concerns', { field: translate(`resources.networks.fields.${v.field}`) })}`).join(' ')}
              />
            </ListItem>
          );
        })}
      </List>
      {report.upcoming.length > 0 && (
        <Alert severity="info" data-testid="compliance-upcoming">
          {translate('reti.rules.upcoming')}
          <ul>
            {report.upcoming.map((v) => (
              <li key={v.message}>{violationText(v, locale)}</li>
            ))}
          </ul>
        </Alert>
      )}
    </>
  );
};
