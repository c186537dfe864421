import { Router } from 'express';
import { DomainError } from '../../common/errors';
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
    } catch (error) {
      const code = error instanceof DomainError ? error.code : 'INTERNAL_SERVER_ERROR';
      if (code === 'INTERNAL_SERVER_ERROR') console.error('Open-data export failed', error);
      res.status(code === 'UNAUTHENTICATED' ? 401 : code === 'INTERNAL_SERVER_ERROR' ? 500 : 400).json({ error: code });
    } finally {
      await ctx?.scope.finish();
    }
  });
  return router;
}
