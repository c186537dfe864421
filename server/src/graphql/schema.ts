import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { resolvers } from '../modules/resolvers';
import { guardInput } from './input-guard';
import { requireSignIn } from './sign-in';

let schema: GraphQLSchema | undefined;

/** The schema is built once per process; TypeGraphQL's metadata is global. */
export function registrySchema(): GraphQLSchema {
  schema ??= buildSchemaSync({
    resolvers,
    validate: { forbidUnknownValues: false },
    globalMiddlewares: [requireSignIn, guardInput],
  });
  return schema;
}

/** The SDL committed as schema.graphql. */
export function printRegistrySchema(): string {
  return printSchema(lexicographicSortSchema(registrySchema())) + '\n';
}
