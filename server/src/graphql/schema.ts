import 'reflect-metadata';
import { GraphQLObjectType, GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchemaSync, NonEmptyArray } from 'type-graphql';
import { graphqlErrorOf } from './errors';
import { requireSignIn } from './sign-in';

/** The schema of the resolvers app.ts hands in; `publicFields` are the root fields that answer without signing in. */
export function buildGraphQLSchema(resolvers: NonEmptyArray<Function>, publicFields: ReadonlySet<string>): GraphQLSchema {
  return mapDomainErrors(
    buildSchemaSync({
      resolvers,
      validate: { forbidUnknownValues: false },
      globalMiddlewares: [requireSignIn(publicFields)],
    }),
  );
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

/** The SDL as committed in schema.graphql. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
