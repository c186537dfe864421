import { AutocompleteArrayInput, FunctionField, useGetList, useTranslate } from 'react-admin';

/** FUND_MEASURES: the measures a source may pay, by code; none means any. Reference data, so administrators' alone. */
export const FundSourceMeasuresInput = () => {
  const { data: measures } = useGetList('measures', { sort: { field: 'code', order: 'ASC' }, pagination: { page: 1, perPage: 500 } });
  return (
    <AutocompleteArrayInput
      source="measureCodes"
      label="accounts.fundSource.measureCodes"
      choices={measures ?? []}
      optionValue="code"
      optionText={(measure: { code: string; name: string }) => `${measure.code} – ${measure.name}`}
      isLoading={!measures}
      fullWidth
    />
  );
};

export const FundSourceMeasuresField = () => {
  const translate = useTranslate();
  return (
    <FunctionField
      label="accounts.fundSource.measureCodes"
      render={(source: { measureCodes: string[] }) => (source.measureCodes.length ? source.measureCodes.join(', ') : translate('accounts.fundSource.anyMeasure'))}
    />
  );
};
