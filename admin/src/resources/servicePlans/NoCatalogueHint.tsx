import { Alert } from '@mui/material';
import { useGetList, useGetMany, useTranslate } from 'react-admin';

/**
 * Said where a network's measure has no service catalogue, so that personal plans and the plan of
 * accounts have nothing to list: which measures do have one.
 */
export const NoCatalogueHint = () => {
  const translate = useTranslate();
  const { data: serviceTypes = [] } = useGetList<{ id: string; measureId: string }>('serviceTypes', { pagination: { page: 1, perPage: 500 }, sort: { field: 'measureId', order: 'ASC' } });
  const measureIds = [...new Set(serviceTypes.map((type) => type.measureId))];
  const { data: measures = [] } = useGetMany<{ id: string; name: string }>('measures', { ids: measureIds }, { enabled: measureIds.length > 0 });
  const names = measures.map((measure) => measure.name).sort((a, b) => a.localeCompare(b));
  return (
    <Alert severity="info" data-testid="no-catalogue">
      {translate('reti.plans.no_catalogue')}
      {names.length > 0 && ` ${translate('reti.plans.catalogue_measures', { measures: names.join('; ') })}`}
    </Alert>
  );
};
