import { AutocompleteArrayInput, ChipField, FormDataConsumer, ReferenceArrayField, ReferenceArrayInput, SingleFieldList, useGetOne, useRecordContext } from 'react-admin';

/** Whether the partner type is a Centro per l'Impiego, the one kind that covers municipalities (CPI_COMPETENCE). */
const useIsCpi = (partnerTypeId: string | undefined) => useGetOne('partnerTypes', { id: partnerTypeId }, { enabled: !!partnerTypeId }).data?.code === 'CPI';

const CoveredInput = ({ partnerTypeId }: { partnerTypeId?: string }) =>
  useIsCpi(partnerTypeId) ? (
    <ReferenceArrayInput source="coveredMunicipalityIds" reference="municipalities" sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteArrayInput label="accounts.partner.coveredMunicipalityIds" fullWidth />
    </ReferenceArrayInput>
  ) : null;

/** A CPI's municipalities, offered once the partner type is CPI. */
export const CoveredMunicipalitiesInput = () => <FormDataConsumer>{({ formData }) => <CoveredInput partnerTypeId={formData.partnerTypeId} />}</FormDataConsumer>;

/** The municipalities a CPI covers, on its page. */
export const CoveredMunicipalitiesField = () => {
  const partner = useRecordContext<{ partnerTypeId: string }>();
  if (!useIsCpi(partner?.partnerTypeId)) return null;
  return (
    <ReferenceArrayField source="coveredMunicipalityIds" reference="municipalities" label="accounts.partner.coveredMunicipalityIds" emptyText="accounts.partner.none">
      <SingleFieldList linkType={false}>
        <ChipField source="name" size="small" />
      </SingleFieldList>
    </ReferenceArrayField>
  );
};
