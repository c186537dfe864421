import 'reflect-metadata';
import http from 'node:http';
import { existsSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { DataSource } from 'typeorm';
import { DEFAULT_RATE_LIMITS, RateLimits } from './config';
import { Context, createContext, Keys, Services } from './graphql/context';
import { formatError } from './graphql/errors';
import { registrySchema } from './graphql/schema';
import { Principal } from './db/request-scope';
import { AuthService } from './modules/auth/auth.service';
import { LoginThrottle } from './modules/auth/login-throttle';
import { openDataRouter } from './modules/opendata/opendata.router';
import { jsonErrors, notFound } from './http/errors';
import { requestRateLimit } from './http/rate-limit';
import { securityHeaders } from './http/security-headers';

export interface App {
  httpServer: http.Server;
  apollo: ApolloServer<Context>;
  dataSource: DataSource;
  /** A context for tests and scripts that call `apollo.executeOperation` directly. */
  contextFor(principal: Principal): Context;
}

export interface AppOptions {
  dataSource: DataSource;
  jwtSecret: Uint8Array;
  keys: Keys;
  secureCookies?: boolean;
  /** Reverse proxies in front of the server, so that the client address is the real one. */
  trustProxy?: number;
  rateLimits?: RateLimits;
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

/** Commits each request's transaction before the response leaves, whatever happened. */
const requestTransaction: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue }) {
        await contextValue.scope.finish();
      },
    };
  },
};

export async function createApp({ dataSource, jwtSecret, keys, secureCookies = false, trustProxy = 0, rateLimits = DEFAULT_RATE_LIMITS }: AppOptions): Promise<App> {
  const services: Services = { dataSource, auth: new AuthService(dataSource, jwtSecret, new LoginThrottle(dataSource, rateLimits.loginFailuresPerAddress)), keys };
  const { auth } = services;
  const app = express();
  app.set('trust proxy', trustProxy);
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<Context>({
    schema: registrySchema(),
    formatError,
    includeStacktraceInErrorResponses: false,
    // The default landing pages load Apollo's scripts from its CDN; the console is the way in.
    plugins: [requestTransaction, ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();
  app.use(securityHeaders({ secureCookies }));
  app.get('/healthz', (_req, res) => void res.json({ ok: true }));
  app.use(['/graphql', '/opendata'], requestRateLimit(dataSource, jwtSecret, rateLimits));
  app.use(openDataRouter(services));
  serveConsole(app);
  app.use(
    '/graphql',
    express.json({ limit: REQUEST_LIMIT }),
    expressMiddleware(apollo, {
      // The verified token is the only source of the tenant a request may touch.
      context: async ({ req, res }) =>
        createContext(services, await auth.authenticate(req.headers.authorization, req.get('x-tenant-id')), {
          req,
          res,
          clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown',
          secureCookies,
        }),
    }),
  );
  app.use(requestTooLarge);
  app.use(notFound);
  app.use(jsonErrors);
  return { httpServer, apollo, dataSource, contextFor: (principal) => createContext(services, principal) };
}
