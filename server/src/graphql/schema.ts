import 'reflect-metadata';
import { GraphQLObjectType, GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { resolvers } from '../modules/resolvers';
import { graphqlErrorOf } from './errors';
import { requireSignIn } from './sign-in';

let schema: GraphQLSchema | undefined;

/** The schema is built once per process; TypeGraphQL's metadata is global. */
export function registrySchema(): GraphQLSchema {
  schema ??= mapDomainErrors(
    buildSchemaSync({
      resolvers,
      validate: { forbidUnknownValues: false },
      globalMiddlewares: [requireSignIn],
    }),
  );
  return schema;
}

const rethrow = (error: unknown) => {
  throw graphqlErrorOf(error);
};

/** Whatever a resolver throws leaves through the one mapping from domain errors to GraphQL errors. */
function mapDomainErrors(built: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(built.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!resolve) continue;
      field.resolve = (source, args, context, info) => {
        try {
          const result = resolve(source, args, context, info);
          return result instanceof Promise ? result.catch(rethrow) : result;
        } catch (error) {
          return rethrow(error);
        }
      };
    }
  }
  return built;
}

/** The SDL committed as schema.graphql. */
export function printRegistrySchema(): string {
  return printSchema(lexicographicSortSchema(registrySchema())) + '\n';
}
