import { DataSource, Logger, MixedList } from 'typeorm';
import pg from 'pg';
import { SnakeNamingStrategy } from './naming';

// DATE columns stay ISO strings ('2021-02-19'); the default parser would shift them into local-time Dates.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);
// numeric[] (amounts per band) stays exact decimal strings, as numeric does: pg's default parses floats.
// The array types' OIDs are not among pg's builtins.
type Oid = Parameters<typeof pg.types.getTypeParser>[0];
const [NUMERIC_ARRAY, TEXT_ARRAY] = [1231, 1009] as unknown as Oid[];
pg.types.setTypeParser(NUMERIC_ARRAY, pg.types.getTypeParser(TEXT_ARRAY));

/** Counts the SQL statements a data source sends; tests use it to prove batching, LOG_SQL to log each one. */
export class StatementCounter implements Logger {
  count = 0;
  constructor(private readonly echo?: (query: string, name?: string) => void) {}
  logQuery(query: string | { text: string; name: string }): void {
    this.count += 1;
    // A named statement (prepared-statements.ts) arrives as pg's query config.
    if (typeof query === 'string') this.echo?.(query);
    else this.echo?.(query.text, query.name);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

export interface DataSourceOptions {
  url: string;
  /** A streaming replica of `url`: a second pool, used only by query runners that ask for it (request-scope.ts). */
  replicaUrl?: string;
  poolSize?: number;
  logger?: Logger;
  /** Handed in by the app (registry.ts): the modules' entities, and the migrations for connections that run them. */
  entities?: MixedList<Function>;
  migrations?: MixedList<Function>;
}

export function createDataSource({ url, replicaUrl, poolSize = 10, logger, entities, migrations }: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    // TypeORM's default sends every read outside a transaction to the replica; only the runners that ask for it go there.
    ...(replicaUrl ? { replication: { master: { url }, slaves: [{ url: replicaUrl }], defaultMode: 'master' as const } } : { url }),
    entities,
    migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    logging: logger ? ['query'] : false,
    logger,
    extra: { max: poolSize },
  });
}
