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
import { DataSource } from 'typeorm';
import { DEFAULT_RATE_LIMITS, RateLimits } from './config';
import { createContext } from './graphql/context';
import { requireSignIn } from './graphql/sign-in';
import { formatError, graphqlErrorOf } from './graphql/errors';
import { documentLimits, QueryLimits } from './graphql/limits';
import { Keys, Principal } from './common/request';
import { AuthService } from './modules/auth/auth.service';
import { AuthContext, PUBLIC_FIELDS } from './modules/auth/auth.resolver';
import { LoginThrottle } from './modules/auth/login-throttle';
import { openDataRouter } from './modules/opendata/opendata.router';
import { exportRouter } from './modules/export/export.router';
import { EXPORT_MAX_ROWS } from './modules/export/export.service';
import { jsonErrors, notFound } from './http/errors';
import { requestRateLimit } from './http/rate-limit';
import { securityHeaders } from './http/security-headers';
import { registrySchema } from './registry';

export interface App {
  httpServer: http.Server;
  apollo: ApolloServer<AuthContext>;
  dataSource: DataSource;
  /** A context for tests and scripts that call `apollo.executeOperation` directly. */
  contextFor(principal: Principal): AuthContext;
}

export interface AppOptions {
  dataSource: DataSource;
  jwtSecret: Uint8Array;
  keys: Keys;
  secureCookies?: boolean;
  /** Reverse proxies in front of the server, so that the client address is the real one. */
  trustProxy?: number;
  /** Budgets of every GraphQL document; the defaults when absent. */
  queryLimits?: QueryLimits;
  rateLimits?: RateLimits;
  /** The most rows one export of a list carries (README, "Exports"). */
  exportMaxRows?: number;
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

/** Commits each request's transaction before the response leaves, whatever happened. */
const requestTransaction: ApolloServerPlugin<AuthContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue }) {
        await contextValue.scope.finish();
      },
    };
  },
};

export async function createApp({ dataSource, jwtSecret, keys, secureCookies = false, trustProxy = 0, queryLimits, rateLimits = DEFAULT_RATE_LIMITS, exportMaxRows = EXPORT_MAX_ROWS }: AppOptions): Promise<App> {
  const services = { dataSource, auth: new AuthService(dataSource, jwtSecret, new LoginThrottle(dataSource, rateLimits.loginFailuresPerAddress)), keys };
  const { auth } = services;
  const app = express();
  app.set('trust proxy', trustProxy);
  // GraphQL answers, the open-data files and the console's assets, gzip or brotli as the client accepts.
  app.use(compression());
  const httpServer = http.createServer(app);
  const limits = documentLimits(queryLimits);
  const schema = registrySchema();
  const apollo = new ApolloServer<AuthContext>({
    schema,
    formatError,
    // Compact JSON: pretty-printing costs time on every answer and bytes on the wire.
    stringifyResult: (result) => JSON.stringify(result),
    includeStacktraceInErrorResponses: false,
    // main.ts stops the server on SIGINT and SIGTERM, draining it before the pool and the database close.
    stopOnTerminationSignals: false,
    parseOptions: limits.parseOptions,
    validationRules: limits.validationRules,
    // Cache-control hints are unused and its plugin hooks every field; the default landing pages
    // load Apollo's scripts from its CDN, and the console is the way in.
    plugins: [
      ...limits.plugins,
      requireSignIn(PUBLIC_FIELDS),
      requestTransaction,
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();
  app.use(securityHeaders({ secureCookies }));
  app.get('/healthz', (_req, res) => void res.json({ ok: true }));
  app.use(['/graphql', '/opendata', '/export'], requestRateLimit(dataSource, jwtSecret, rateLimits));
  app.use(openDataRouter(services));
  app.use(exportRouter(services, schema, exportMaxRows));
  serveConsole(app);
  app.use(
    '/graphql',
    express.json({ limit: REQUEST_LIMIT }),
    expressMiddleware(apollo, {
      // The verified token is the only source of the tenant a request may touch.
      context: async ({ req, res }) => {
        const principal = await auth.authenticate(req.headers.authorization, req.get('x-tenant-id')).catch(rethrowAsGraphQL);
        return createContext(services, principal, { req, res, clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown', secureCookies });
      },
    }),
  );
  app.use(requestTooLarge);
  app.use(notFound);
  app.use(jsonErrors);
  return { httpServer, apollo, dataSource, contextFor: (principal) => createContext(services, principal) };
}
