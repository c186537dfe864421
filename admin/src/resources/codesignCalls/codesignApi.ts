import { gql } from '@apollo/client';
import { graphqlClient } from '../../providers/graphqlClient';
import { toHttpError } from '../../providers/apiErrors';

export interface RankingEntry {
  proposalId: string;
  leadLegalName: string;
  title: string;
  status: string;
  total: number;
  scoredCriteria: number;
  criteria: number;
  rank: number;
}

export interface Completeness {
  actions: number;
  sectionsFilled: number;
  sectionsRequired: number;
  percent: number;
  complete: boolean;
}

export interface AwardInput {
  proposalIds: string[];
  actNumber: string;
  actDate: string;
  networkCode: string;
  startDate: string;
  endDate: string;
}

async function request<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toHttpError(error);
  }
}

/** The co-design operations that are not one of the five: workflow steps, the ranking, the completeness meter. */
export const codesignApi = {
  colleagues: () =>
    request(async () =>
      (await graphqlClient.query({ query: gql`query { colleagues { id displayName } }`, fetchPolicy: 'network-only' })).data.colleagues as { id: string; displayName: string }[]),

  ranking: (callId: string) =>
    request(async () =>
      (await graphqlClient.query({
        query: gql`query ($id: ID!) { codesignCall(id: $id) { id ranking { proposalId leadLegalName title status total scoredCriteria criteria rank } } }`,
        variables: { id: callId },
        fetchPolicy: 'network-only',
      })).data.codesignCall.ranking as RankingEntry[]),

  completeness: (proposalId: string) =>
    request(async () =>
      (await graphqlClient.query({
        query: gql`query ($id: ID!) { codesignProposal(id: $id) { id completeness { actions sectionsFilled sectionsRequired percent complete } } }`,
        variables: { id: proposalId },
        fetchPolicy: 'network-only',
      })).data.codesignProposal.completeness as Completeness),

  setCallStatus: (id: string, version: number, status: 'PUBLISHED' | 'CLOSED') =>
    request(() =>
      graphqlClient.mutate({
        mutation: gql`mutation ($id: ID!, $version: Int!, $status: CodesignCallStatus!) { setCodesignCallStatus(id: $id, version: $version, status: $status) { id version status } }`,
        variables: { id, version, status },
      })),

  submitProposal: (id: string, version: number) =>
    request(() =>
      graphqlClient.mutate({
        mutation: gql`mutation ($id: ID!, $version: Int!) { submitCodesignProposal(id: $id, version: $version) { id version status } }`,
        variables: { id, version },
      })),

  award: (id: string, version: number, input: AwardInput) =>
    request(() =>
      graphqlClient.mutate({
        mutation: gql`mutation ($id: ID!, $version: Int!, $input: AwardCodesignCallInput!) { awardCodesignCall(id: $id, version: $version, input: $input) { id version status networkId } }`,
        variables: { id, version, input },
      })),
};
