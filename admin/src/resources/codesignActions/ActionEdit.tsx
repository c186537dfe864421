import { required, TextInput } from 'react-admin';
import { RecordEdit } from '../../common/RecordForms';

/** The ten sections of the seed's schema, in its order; their labels carry the section numbers. */
export const SECTIONS = [
  'recipientTypes', 'territorialNeeds', 'generalObjectives', 'specificObjectives', 'activities',
  'timing', 'humanResources', 'networkActors', 'expectedOutputs', 'monitoringTools',
] as const;


/** One action, section by section; saving returns to the proposal, whose meter shows the progress. */
export const ActionEdit = () => (
  <RecordEdit redirect={(_resource: string, _id: unknown, data: { proposalId?: string } = {}) => `codesignProposals/${data.proposalId}/show/actions`}>
    <TextInput source="title" validate={required()} fullWidth />
    {SECTIONS.map((section) => (
      <TextInput key={section} source={section} multiline fullWidth minRows={2} />
    ))}
  </RecordEdit>
);
