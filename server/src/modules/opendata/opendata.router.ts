import { Router } from 'express';
import { DomainError } from '../../common/errors';
import { databaseUnavailable, isDatabaseUnavailable } from '../../db/database-errors';
import { createContext, Services } from '../../graphql/context';
import { AuthService } from '../auth/auth.service';
import { datasetCsv, DATASETS, isDataset } from './opendata.service';

/**
 * GET /opendata/<dataset>.csv for progetti, soggetti and assegnazioni. Same sign-in as the API
 * (Authorization: Bearer, API tokens included); each caller gets the rows their role may read.
 */
export function openDataRouter(services: Services & { auth: AuthService }): Router {
  const router = Router();
  router.get('/opendata', (_req, res) => void res.json({ datasets: Object.keys(DATASETS).map((name) => `/opendata/${name}.csv`) }));
  router.get('/opendata/:file', async (req, res) => {
    const name = req.params.file.replace(/\.csv$/, '');
    if (!isDataset(name)) return void res.status(404).json({ error: 'NOT_FOUND', datasets: Object.keys(DATASETS) });
    let ctx;
    try {
      const principal = await services.auth.authenticate(req.headers.authorization, req.get('x-tenant-id'));
      if (principal.role === 'ANONYMOUS') return void res.status(401).json({ error: 'UNAUTHENTICATED' });
      ctx = createContext(services, principal);
      const csv = await datasetCsv(await ctx.scope.manager(), name);
      res.type('text/csv; charset=utf-8').attachment(`reti-${name}.csv`).send(csv);
    } catch (cause) {
      const error = !(cause instanceof DomainError) && isDatabaseUnavailable(cause) ? databaseUnavailable() : cause;
      const code = error instanceof DomainError ? error.code : 'INTERNAL_SERVER_ERROR';
      if (code === 'INTERNAL_SERVER_ERROR') req.log.error({ err: error }, 'Open-data export failed');
      if (code === 'UNAVAILABLE') res.set('Retry-After', String((error as DomainError).details.retryAfterSeconds));
      res.status(code === 'UNAUTHENTICATED' ? 401 : code === 'UNAVAILABLE' ? 503 : code === 'INTERNAL_SERVER_ERROR' ? 500 : 400).json({ error: code });
    } finally {
      // The answer has left; a read-only transaction whose connection broke has nothing to keep.
      await ctx?.scope.finish().catch(() => undefined);
    }
  });
  return router;
}
