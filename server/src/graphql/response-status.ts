import { ApolloServerPlugin } from '@apollo/server';
import { Context } from './context';
import { QUERY_TOO_COMPLEX } from './errors';

const JSON_TYPE = 'application/json';
/** The request errors of a well-formed request: the document, its operation, its variables or a budget refused it. */
const REQUEST_ERRORS = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'OPERATION_RESOLUTION_FAILURE', 'BAD_USER_INPUT', QUERY_TOO_COMPLEX]);
const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json';

/**
 * The status codes of the GraphQL over HTTP spec. A request that reached GraphQL but failed before
 * execution (a document that does not parse, does not validate, is over a budget, or whose
 * variables do not fit) has no `data`; Apollo answers it 400 whatever the media type. Under
 * application/json the spec asks for 200 (legacy clients read the body only on 200); 4xx stays for
 * application/graphql-response+json, whose clients know a 4xx still carries a GraphQL response.
 * A request that is not well-formed (a body that is not JSON, no query or one that is not a string),
 * what is refused before GraphQL (CSRF prevention, a mutation over GET) and statuses other than 400
 * (401, 429, 503) are left as they are. Apollo chooses the media type
 * after these hooks, from the Accept header, preferring application/json on a tie: so does this.
 */
export const specStatusCodes: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        const req = contextValue.http?.req;
        if (!req || response.http.status !== 400 || response.body.kind !== 'single' || 'data' in response.body.singleResult) return;
        if (!response.body.singleResult.errors?.every((error) => REQUEST_ERRORS.has(String(error.extensions?.code)))) return;
        if (req.accepts([JSON_TYPE, GRAPHQL_RESPONSE_TYPE]) === JSON_TYPE) response.http.status = 200;
      },
    };
  },
};
