import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { authHeaders, GRAPHQL_URL, refreshSession } from './session';

/** Told how many bytes of a request's body have been sent, out of how many (0 when the browser cannot tell). */
export type UploadProgressListener = (sent: number, total: number) => void;

/**
 * What a request of the console may carry besides fetch's options. Apollo hands the context's
 * `fetchOptions` to fetch as they are, so a mutation asks for upload progress with
 * `context: { fetchOptions: { onUploadProgress } }`.
 */
interface SessionRequestInit extends RequestInit {
  onUploadProgress?: UploadProgressListener;
}

function withAuth(init: RequestInit = {}): RequestInit {
  return { ...init, credentials: 'same-origin', headers: { ...(init.headers as Record<string, string>), ...authHeaders() } };
}

/** The response headers, which XMLHttpRequest gives as one "name: value" line each. */
function responseHeaders(xhr: XMLHttpRequest): Headers {
  const headers = new Headers();
  for (const line of xhr.getAllResponseHeaders().split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon), line.slice(colon + 1).trim());
  }
  return headers;
}

/** fetch through XMLHttpRequest, the one browser API that reports how far an upload has got. */
function fetchReportingUpload(url: string, init: RequestInit, onUploadProgress: UploadProgressListener): Promise<Response> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(init.method ?? 'GET', url);
    new Headers(init.headers).forEach((value, name) => xhr.setRequestHeader(name, value));
    xhr.upload.onprogress = (event) => onUploadProgress(event.loaded, event.lengthComputable ? event.total : 0);
    xhr.onload = () => resolve(new Response(xhr.responseText, { status: xhr.status, statusText: xhr.statusText, headers: responseHeaders(xhr) }));
    xhr.onerror = () => reject(new TypeError('Network request failed'));
    xhr.onabort = () => reject(new DOMException('The request was aborted', 'AbortError'));
    init.signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(init.body as XMLHttpRequestBodyInit | null);
  });
}

/**
 * Sends a request with the session's token. An expired token (401) is renewed once through the
 * refresh cookie and the request sent again, so a form being filled in survives the 15-minute
 * token lifetime.
 *
 * The API's errors carry their code in the body whatever the HTTP status, so every JSON answer
 * is handed to Apollo as 200: it then reads the errors as GraphQL errors and keeps their codes.
 */
export async function sessionFetch(input: RequestInfo | URL, { onUploadProgress, ...init }: SessionRequestInit = {}): Promise<Response> {
  const send = () => (onUploadProgress ? fetchReportingUpload(String(input), withAuth(init), onUploadProgress) : fetch(input, withAuth(init)));
  let response = await send();
  if (response.status === 401 && (await refreshSession())) response = await send();
  if (response.ok || !response.headers.get('content-type')?.includes('application/json')) return response;
  return new Response(await response.text(), { status: 200, headers: response.headers });
}

export const graphqlClient = new ApolloClient({
  link: new HttpLink({ uri: GRAPHQL_URL, fetch: sessionFetch }),
  cache: new InMemoryCache(),
  // react-admin caches through react-query; Apollo's normalised cache would only hold stale copies.
  defaultOptions: { query: { fetchPolicy: 'no-cache' }, mutate: { fetchPolicy: 'no-cache' } },
});
