import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { authHeaders, GRAPHQL_URL, refreshSession } from './session';

function withAuth(init: RequestInit = {}): RequestInit {
  return { ...init, credentials: 'same-origin', headers: { ...(init.headers as Record<string, string>), ...authHeaders() } };
}

/**
 * Sends a request with the session's token. An expired token (401) is renewed once through the
 * refresh cookie and the request sent again, so a form being filled in survives the 15-minute
 * token lifetime.
 *
 * The API's errors carry their code in the body whatever the HTTP status, so every JSON answer
 * is handed to Apollo as 200: it then reads the errors as GraphQL errors and keeps their codes.
 */
async function sessionFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  let response = await fetch(input, withAuth(init));
  if (response.status === 401 && (await refreshSession())) response = await fetch(input, withAuth(init));
  if (response.ok || !response.headers.get('content-type')?.includes('application/json')) return response;
  return new Response(await response.text(), { status: 200, headers: response.headers });
}

export const graphqlClient = new ApolloClient({
  link: new HttpLink({ uri: GRAPHQL_URL, fetch: sessionFetch }),
  cache: new InMemoryCache(),
  // react-admin caches through react-query; Apollo's normalised cache would only hold stale copies.
  defaultOptions: { query: { fetchPolicy: 'no-cache' }, mutate: { fetchPolicy: 'no-cache' } },
});
