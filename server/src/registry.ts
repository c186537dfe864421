import { GraphQLSchema } from 'graphql';
import { getMetadataArgsStorage } from 'typeorm';
import { isTenantRecord } from './crud/record';
import { prepareDatabase, FirstAdmin, RolePasswords } from './db/bootstrap';
import { createDataSource, DataSourceOptions } from './db/data-source';
import { migrations } from './db/migrations';
import { buildGraphQLSchema, printSortedSchema } from './graphql/schema';
import { entities } from './modules/entities';
import { resolvers } from './modules/resolvers';
import { networkRuleList } from './modules/network-rules';
import { registerNetworkRules } from './modules/network/rule-registry';

registerNetworkRules(networkRuleList);

/** The registry's parts handed to the layers below: entities and migrations to the data source, resolvers to the schema, rules to the network module. */
export function registryDataSource(options: Omit<DataSourceOptions, 'entities' | 'migrations'>) {
  return createDataSource({ ...options, entities, migrations });
}

/** Migrates the database, lets the app role sign in, loads the reference data (see db/bootstrap.ts). */
export function prepareRegistryDatabase(ownerUrl: string, passwords: RolePasswords, firstAdmin?: FirstAdmin): Promise<string[]> {
  return prepareDatabase(ownerUrl, passwords, migrations, firstAdmin);
}

/** The tables of tenant-owned records, as their entities declare (TenantRecord). */
export function tenantOwnedTables(): string[] {
  const tables = getMetadataArgsStorage().tables;
  return entities.filter(isTenantRecord).map((entity) => tables.find((t) => t.target === entity)!.name!);
}

let schema: GraphQLSchema | undefined;

/** The schema is built once per process; TypeGraphQL's metadata is global. */
export function registrySchema(): GraphQLSchema {
  schema ??= buildGraphQLSchema(resolvers);
  return schema;
}

/** The SDL committed as schema.graphql. */
export function printRegistrySchema(): string {
  return printSortedSchema(registrySchema());
}
