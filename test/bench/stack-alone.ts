import http from 'node:http';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';

/**
 * The stack Reti stands on with nothing of Reti's on it: Express 5 with its JSON body parser and
 * Apollo Server 5 through its Express integration, as Reti mounts them, on a schema of one field. No
 * token, no allowances, no transaction, no request log. `{ __typename }` on it is what a request
 * costs before Reti does anything (run.ts sets it beside Reti's and PostGraphile's).
 * Run as a child of run.ts: PORT comes from it.
 */
async function main(): Promise<void> {
  const app = express();
  app.set('etag', false);
  const apollo = new ApolloServer({
    typeDefs: 'type Query { ok: Boolean }',
    resolvers: { Query: { ok: () => true } },
    plugins: [ApolloServerPluginCacheControlDisabled(), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();
  app.use('/graphql', express.json({ limit: '10mb' }), expressMiddleware(apollo));
  http.createServer(app).listen(Number(process.env.PORT), '127.0.0.1', () => console.log('stack alone ready'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
