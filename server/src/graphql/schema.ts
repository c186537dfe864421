import 'reflect-metadata';
import { getNamedType, GraphQLField, GraphQLObjectType, GraphQLSchema, isCompositeType, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchemaSync, NonEmptyArray } from 'type-graphql';
import { graphqlErrorOf } from './errors';
import { guardInput } from './input-guard';

/** The schema of the resolvers app.ts hands in. */
export function buildGraphQLSchema(resolvers: NonEmptyArray<Function>): GraphQLSchema {
  return guardResolvers(buildSchemaSync({ resolvers, validate: { forbidUnknownValues: false } }));
}

const rethrow = (error: unknown) => {
  throw graphqlErrorOf(error);
};

/**
 * Every field with arguments has them checked before its resolver runs (see input-guard.ts), and
 * whatever a resolver throws leaves through the one mapping from domain errors to GraphQL errors.
 * Only root fields and fields that resolve records run services; fields that read a scalar off
 * their parent can throw neither, and stay unwrapped because a page of records has thousands.
 */
function guardResolvers(built: GraphQLSchema): GraphQLSchema {
  const roots = new Set([built.getQueryType(), built.getMutationType()]);
  for (const type of Object.values(built.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
      const resolve = field.resolve;
      const hasArgs = field.args.length > 0;
      if (!resolve || !(hasArgs || roots.has(type) || isCompositeType(getNamedType(field.type)))) continue;
      field.resolve = (source, args, context, info) => {
        try {
          if (hasArgs) guardInput(field, args);
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

/** The SDL as committed in schema.graphql. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
