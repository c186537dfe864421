import 'reflect-metadata';
import http from 'node:http';
import { existsSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import compression from 'compression';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError, Kind } from 'graphql';
import { DataSource } from 'typeorm';
import { DEFAULT_RATE_LIMITS, RateLimits, SsoSettings } from './config';
import { createLogger, Logger } from './common/logger';
import { checkReadiness } from './db/readiness';
import { translateDatabaseError } from './db/database-errors';
import { openPools, sessionEnded } from './db/request-scope';
import { createContext, Services } from './graphql/context';
import { compiledReads, stringifyResponse } from './graphql/compiled-reads';
import { requireSignIn } from './graphql/sign-in';
import { specStatusCodes } from './graphql/response-status';
import { formatError, graphqlErrorOf } from './graphql/errors';
import { capResponse, DEFAULT_QUERY_LIMITS, documentLimits, QueryLimits } from './graphql/limits';
import { directiveArgumentsGuard } from './graphql/input-guard';
import { Keys, Principal } from './common/request';
import { AuthService } from './modules/auth/auth.service';
import { AuthContext, PUBLIC_FIELDS } from './modules/auth/auth.resolver';
import { LoginThrottle } from './modules/auth/login-throttle';
import { ssoRouter } from './modules/auth/sso.router';
import { SsoService } from './modules/auth/sso.service';
import { openDataRouter } from './modules/opendata/opendata.router';
import { exportRouter } from './modules/export/export.router';
import { EXPORT_MAX_ROWS } from './modules/export/export.service';
import { jsonErrors, notFound } from './http/errors';
import { requestRateLimit } from './http/rate-limit';
import { clientGone, noteCaller, noteOperation, requestLog } from './http/request-log';
import { securityHeaders } from './http/security-headers';
import { registrySchema } from './registry';

export interface App {
  httpServer: http.Server;
  apollo: ApolloServer<AuthContext>;
  dataSource: DataSource;
  adminDataSource: DataSource;
  /** The services behind the API, for scripts that go through them (the demo seed). */
  services: Services;
  /** A context for tests and scripts that call `apollo.executeOperation` directly. */
  contextFor(principal: Principal): AuthContext;
}

export interface AppOptions {
  /** Signed in as the app role (reti_app): every request but administrators'. */
  dataSource: DataSource;
  /** Signed in as reti_admin: administrators' requests only. */
  adminDataSource: DataSource;
  jwtSecret: Uint8Array;
  keys: Keys;
  secureCookies?: boolean;
  /** Reverse proxies in front of the server, so that the client address is the real one. */
  trustProxy?: number;
  /** Budgets of every GraphQL document; the defaults when absent. */
  queryLimits?: QueryLimits;
  rateLimits?: RateLimits;
  /** Where requests and unexpected errors are logged; warnings and errors on stdout when absent. */
  logger?: Logger;
  /** How long stopping waits for requests in flight before it closes their connections. */
  shutdownGraceMs?: number;
  /** The most rows one export of a list carries (README, "Exports"). */
  exportMaxRows?: number;
  /** Answer eligible queries with one SQL statement each (graphql/compiled-reads/); on unless false. */
  compiledReads?: boolean;
  /** Single sign-on through an OpenID Connect provider; passwords only when absent. */
  sso?: SsoSettings;
}

/** Large enough for a CSV import of the most rows it accepts. */
const REQUEST_LIMIT = '10mb';

/** The console's build, found through its workspace link so that the source and the compiled server agree. */
const ADMIN_DIST = path.join(path.dirname(require.resolve('@reti/admin/package.json')), 'dist');

/** The console at /admin: hashed assets cached for good, and index.html for every route of the single-page app. */
function serveConsole(app: express.Express): void {
  app.use('/admin/assets', express.static(path.join(ADMIN_DIST, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }));
  app.get(['/admin', '/admin/{*route}'], (_req, res) => {
    const page = path.join(ADMIN_DIST, 'index.html');
    if (!existsSync(page)) return void res.status(503).type('text').send('The console is not built yet: run npm run build -w admin');
    res.sendFile(page, { headers: { 'cache-control': 'no-cache' } });
  });
  app.get('/', (_req, res) => res.redirect('/admin/'));
}

/** A body over the limit (a very large CSV file, say) gets a GraphQL error the console can show, not a bare 413 page. */
const requestTooLarge: express.ErrorRequestHandler = (error, _req, res, next) => {
  if ((error as { type?: string }).type !== 'entity.too.large') return next(error);
  res.status(413).json({ errors: [{ message: `The request is larger than ${REQUEST_LIMIT}`, extensions: { code: 'BAD_USER_INPUT', field: 'csv' } }] });
};

/** Apollo answers a failed sign-in with the error's own code and status only when it is a GraphQL error. */
const rethrowAsGraphQL = (error: unknown): never => {
  throw graphqlErrorOf(error);
};

/**
 * Commits each request's transaction before the response leaves, whatever happened. A commit that
 * fails voids what the operation answered: the client gets the failure instead (a lost database
 * is UNAVAILABLE with 503 and Retry-After), since Apollo turns an error thrown here into a bare 500.
 */
const requestTransaction = (auth: AuthService): ApolloServerPlugin<AuthContext> => ({
  async requestDidStart() {
    return {
      // A query's session is checked as its transaction opens (Principal.session); a mutation's
      // before it runs, since it may end the session itself (logout, a new password): its
      // transaction opens now, with the check in the same round trip, unless that is a replica.
      async didResolveOperation({ contextValue: { principal, scope }, operation }) {
        if (!principal.session || operation?.operation !== 'mutation' || scope.sessionChecked) return;
        await scope.begin().catch((error) => rethrowAsGraphQL(translateDatabaseError(error)));
        if (scope.sessionChecked) return;
        if (!(await auth.sessionLive(principal))) throw graphqlErrorOf(sessionEnded());
        scope.sessionChecked = true;
      },
      async willSendResponse({ contextValue, response }) {
        try {
          const { principal, scope } = contextValue;
          // A query that opened no transaction on the primary has had its session checked by nothing yet.
          if (principal.session && !scope.sessionChecked && !(await auth.sessionLive(principal))) {
            await scope.discard();
            throw sessionEnded();
          }
          await scope.finish();
        } catch (cause) {
          const error = graphqlErrorOf(translateDatabaseError(cause));
          if (!(error instanceof GraphQLError)) throw cause;
          const { http, ...extensions } = error.extensions as { http?: { status?: number; headers?: Map<string, string> } };
          if (http?.status) response.http.status = http.status;
          for (const [name, value] of http?.headers ?? []) response.http.headers.set(name, value);
          response.body = { kind: 'single', singleResult: { errors: [{ message: error.message, extensions }] } };
        }
      },
    };
  },
});

/**
 * What the request log tells of an operation: its name, or for an anonymous one its type and root
 * fields ("mutation login"). Errors keep the log of their request, so that formatError, which
 * Apollo calls without the request, logs the unexpected ones under the request's id.
 */
function operationLog(requestLogs: WeakMap<object, Logger>, logger: Logger): ApolloServerPlugin<AuthContext> {
  return {
    // Apollo answers a bare "Internal server error" for what its plugins throw; the cause goes here.
    async unexpectedErrorProcessingRequest({ requestContext, error }) {
      (requestContext.contextValue.http?.req.log ?? logger).error({ err: error }, 'Unexpected error processing the request');
    },
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation }) {
          const res = contextValue.http?.res;
          if (!res || !operation) return;
          const fields = operation.selectionSet.selections.flatMap((selection) => (selection.kind === Kind.FIELD ? [selection.name.value] : []));
          noteOperation(res, operation.name?.value ?? `${operation.operation} ${fields.join(',')}`);
        },
        async didEncounterErrors({ contextValue, errors }) {
          const log = contextValue.http?.req.log;
          if (log) for (const error of errors) requestLogs.set(error, log);
        },
      };
    },
  };
}

export async function createApp({
  dataSource,
  adminDataSource,
  jwtSecret,
  keys,
  secureCookies = false,
  trustProxy = 0,
  queryLimits,
  rateLimits = DEFAULT_RATE_LIMITS,
  logger = createLogger({ level: 'warn' }),
  shutdownGraceMs,
  exportMaxRows = EXPORT_MAX_ROWS,
  compiledReads: compileReads = true,
  sso,
}: AppOptions): Promise<App> {
  const pools = await openPools(dataSource, adminDataSource);
  const throttle = new LoginThrottle(dataSource, rateLimits.loginFailuresPerAddress);
  const services = { pools, auth: new AuthService(pools, jwtSecret, throttle, sso?.passwordForAdminsOnly), keys };
  const { auth } = services;
  // The codice fiscale a user is mapped by is hashed with the recipients' key, domain-separated (common/crypto.ts).
  const ssoService = sso && new SsoService(dataSource, auth, sso, keys.recipientHash);
  const app = express();
  app.set('trust proxy', trustProxy);
  // Express would hash every body it sends for an ETag (4.5 % of the CPU of { __typename } in the
  // bench's profile); GraphQL answers are POSTs no cache revalidates. The console's files keep theirs.
  app.set('etag', false);
  app.use(requestLog(logger));
  // GraphQL answers, the open-data files and the console's assets, gzip or brotli as the client accepts.
  app.use(compression());
  const httpServer = http.createServer(app);
  const limits = documentLimits(queryLimits);
  const { maxResponseBytes } = queryLimits ?? DEFAULT_QUERY_LIMITS;
  const requestLogs = new WeakMap<object, Logger>();
  const schema = registrySchema();
  const apollo = new ApolloServer<AuthContext>({
    schema,
    formatError: (formatted, error) => formatError(formatted, error, requestLogs.get(error as object) ?? logger),
    // Compact JSON: pretty-printing costs time on every answer and bytes on the wire. Whatever the
    // cost model let through, an answer over maxResponseBytes is refused rather than sent.
    stringifyResult: (result) => capResponse(stringifyResponse(result), maxResponseBytes),
    includeStacktraceInErrorResponses: false,
    // In every mode, to signed-in callers only (requireSignIn), within its own cost budget (limits.ts).
    introspection: true,
    // A GET may run a query when it could not come from another site's page: with the headers that
    // force a CORS preflight (which this server never grants), Authorization among them. The
    // refresh cookie alone signs in nothing but refreshSession, a mutation, never run over GET.
    csrfPrevention: { requestHeaders: ['x-apollo-operation-name', 'apollo-require-preflight', 'authorization'] },
    // main.ts stops the server on SIGINT and SIGTERM, draining it before the pool and the database close.
    stopOnTerminationSignals: false,
    parseOptions: limits.parseOptions,
    validationRules: limits.validationRules,
    // Cache-control hints are unused and its plugin hooks every field; the default landing pages
    // load Apollo's scripts from its CDN, and the console is the way in.
    plugins: [
      ...limits.plugins,
      requireSignIn(PUBLIC_FIELDS),
      directiveArgumentsGuard,
      requestTransaction(auth),
      specStatusCodes,
      ...(compileReads ? [compiledReads(dataSource, maxResponseBytes, logger)] : []),
      operationLog(requestLogs, logger),
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: shutdownGraceMs }),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();
  app.use(securityHeaders({ secureCookies }));
  // Alive: the process answers. Ready: the database answers and has run exactly this code's migrations.
  app.get('/healthz', (_req, res) => void res.json({ ok: true }));
  app.get('/readyz', async (_req, res) => {
    const readiness = await checkReadiness(dataSource);
    res.status(readiness.ready ? 200 : 503).json(readiness);
  });
  // Starting a single sign-on writes a row (its flow): anonymous callers spend their address's allowance there too.
  app.use(['/graphql', '/opendata', '/export', '/auth/oidc'], requestRateLimit(dataSource, jwtSecret, rateLimits));
  // First of the routes: every request passes the routers mounted before it, and most are GraphQL's.
  app.use(
    '/graphql',
    clientGone,
    express.json({ limit: REQUEST_LIMIT }),
    expressMiddleware(apollo, {
      // The verified token is the only source of the tenant a request may touch.
      context: async ({ req, res }) => {
        const principal = await auth.authenticate(req.headers.authorization, req.get('x-tenant-id'), true).catch(rethrowAsGraphQL);
        noteCaller(res, principal);
        return createContext(services, principal, { req, res, clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown', secureCookies });
      },
    }),
  );
  app.use(openDataRouter(services));
  app.use(exportRouter(services, schema, exportMaxRows));
  app.use(ssoRouter(ssoService, secureCookies));
  serveConsole(app);
  app.use(requestTooLarge);
  app.use(notFound);
  app.use(jsonErrors);
  return { httpServer, apollo, dataSource, adminDataSource, services, contextFor: (principal) => createContext(services, principal) };
}
