import { ReferenceField, required, SelectInput, useGetOne, useRecordContext, useTranslate } from 'react-admin';
import { DateInput } from '../../common/ItalianInputs';
import { enumChoices } from '../../common/enums';
import { RecordEdit } from '../../common/RecordForms';

const backToRoster = (_resource?: string, _id?: unknown, member?: { networkId?: string }) => `networks/${member?.networkId}/show/roster`;

/** "Componente della rete: Alfa Lavoro (RETE-12)", never an id. */
const MemberTitle = () => {
  const member = useRecordContext<{ partnerId: string; networkId: string }>();
  const translate = useTranslate();
  const { data: partner } = useGetOne('partners', { id: member?.partnerId }, { enabled: !!member });
  const { data: network } = useGetOne('networks', { id: member?.networkId }, { enabled: !!member });
  return <span>{`${translate('resources.networkMembers.name', { smart_count: 1 })}: ${partner?.legalName ?? ''}${network ? ` (${network.code})` : ''}`}</span>;
};

/** A member's role and dates; saving goes back to the network's roster. */
export const NetworkMemberEdit = () => (
  <RecordEdit redirect={backToRoster} title={<MemberTitle />}>
    <ReferenceField source="networkId" reference="networks" />
    <ReferenceField source="partnerId" reference="partners" />
    <SelectInput source="role" choices={enumChoices('MemberRole')} validate={required()} />
    <DateInput source="joinedOn" />
    <DateInput source="leftOn" />
  </RecordEdit>
);
