import { ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { getArgumentValues, getVariableValues, GraphQLResolveInfo, print } from 'graphql';
import { DataSource } from 'typeorm';
import { Logger } from '../../common/logger';
import { Context } from '../context';
import { responseTooLarge } from '../limits';
import { NotCompiled } from './plan';
import { ReadPlanner } from './plan-cache';
import { RawJson } from './response';

/** Answers a query with compiled reads when it can (see the top of this file); says at debug why it does not. */
export function compiledReads(dataSource: DataSource, maxResponseBytes: number, logger?: Logger): ApolloServerPlugin<Context> {
  const planner = new ReadPlanner(dataSource);
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ operation, document, schema, contextValue, request, queryHash }) {
          if (!operation) return null;
          const log = contextValue.http?.req.log ?? logger;
          const fallBack = (reason: string) => {
            log?.debug({ operation: operation.name?.value, reason }, 'query answered field by field');
            return null;
          };
          const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
          if (coerced.errors) return fallBack('its variables are refused');
          const compiled = planner.plan(schema, document, operation, queryHash ?? print(document), coerced.coerced);
          if (compiled instanceof NotCompiled) return operation.operation === 'query' ? fallBack(compiled.message) : null;
          const queryType = schema.getQueryType()!;
          const data: Record<string, unknown> = {};
          let size = 0;
          contextValue.compiledPlans = compiled.plans;
          contextValue.scope.oneSnapshot();
          try {
            for (const { key, nodes, field } of compiled.roots) {
              if (!field) {
                data[key] = queryType.name;
                continue;
              }
              const info: GraphQLResolveInfo = {
                fieldName: field.name,
                fieldNodes: nodes,
                returnType: field.type,
                parentType: queryType,
                path: { prev: undefined, key, typename: queryType.name },
                schema,
                fragments: compiled.fragments,
                rootValue: undefined,
                operation,
                variableValues: coerced.coerced,
              };
              const value = await field.resolve!(undefined, getArgumentValues(field, nodes[0], coerced.coerced), contextValue, info);
              if (!(value instanceof RawJson)) throw new NotCompiled(`Query.${field.name} found no record`);
              // Refused as soon as the answers so far are over the budget, before the next statement runs.
              size += Buffer.byteLength(value.text);
              if (size > maxResponseBytes) return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { errors: [responseTooLarge(maxResponseBytes, size)] } } };
              data[key] = value;
            }
          } catch (error) {
            // Ordinary execution answers instead, with its own errors, in a fresh transaction: a
            // query has written nothing, and a failed statement leaves the old one unusable.
            await contextValue.scope.discard();
            return fallBack(error instanceof Error ? error.message : String(error));
          } finally {
            contextValue.compiledPlans = undefined;
          }
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data } } };
        },
      };
    },
  };
}
