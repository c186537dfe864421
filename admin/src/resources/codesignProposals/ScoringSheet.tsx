import { AutocompleteInput, Datagrid, NumberField, NumberInput, ReferenceField, ReferenceInput, ReferenceManyField, required, TextField, TextInput, useRecordContext } from 'react-admin';
import { InlineCreateForm } from '../../common/InlineCreateForm';

/**
 * The evaluators' sheet for one proposal: the scores given, per criterion with its reason, and a
 * line to add one. The server says who may score (appointed, not tied to the body) and when.
 */
export const ScoringSheet = () => {
  const proposal = useRecordContext<{ id: string; callId: string; status: string }>();
  if (!proposal) return null;
  return (
    <>
      <ReferenceManyField reference="codesignScores" target="proposalId" perPage={200}>
        <Datagrid bulkActionButtons={false} rowClick={false} data-testid="scores">
          <ReferenceField source="criterionId" reference="codesignCriteria" link={false} />
          <NumberField source="score" />
          <TextField source="reason" />
          <TextField source="evaluatorName" emptyText="—" />
        </Datagrid>
      </ReferenceManyField>
      {proposal.status === 'UNDER_EVALUATION' && (
        <InlineCreateForm resource="codesignScores" defaults={{ proposalId: proposal.id }} submitLabel="reti.codesign.add_score" successMessage="reti.codesign.score_added">
          <ReferenceInput source="criterionId" reference="codesignCriteria" filter={{ callId: proposal.callId }} sort={{ field: 'position', order: 'ASC' }}>
            <AutocompleteInput optionText="name" validate={required()} sx={{ width: 320 }} />
          </ReferenceInput>
          <NumberInput source="score" validate={required()} min={0} sx={{ width: 120 }} />
          <TextInput source="reason" validate={required()} sx={{ width: 420 }} />
        </InlineCreateForm>
      )}
    </>
  );
};
