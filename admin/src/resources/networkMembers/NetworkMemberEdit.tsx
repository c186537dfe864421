import { ReferenceField, required, SelectInput } from 'react-admin';
import { DateInput } from '../../common/ItalianInputs';
import { enumChoices } from '../../common/enums';
import { RecordEdit } from '../../common/RecordForms';

const backToRoster = (_resource?: string, _id?: unknown, member?: { networkId?: string }) => `networks/${member?.networkId}/show/roster`;

/** A member's role and dates; saving goes back to the network's roster. */
export const NetworkMemberEdit = () => (
  <RecordEdit redirect={backToRoster}>
    <ReferenceField source="networkId" reference="networks" />
    <ReferenceField source="partnerId" reference="partners" />
    <SelectInput source="role" choices={enumChoices('MemberRole')} validate={required()} />
    <DateInput source="joinedOn" />
    <DateInput source="leftOn" />
  </RecordEdit>
);
