import { ApolloServerPlugin } from '@apollo/server';
import { FragmentDefinitionNode, getDirectiveValues, getVariableValues, GraphQLError, GraphQLField, GraphQLIncludeDirective, GraphQLSkipDirective, Kind, SelectionSetNode } from 'graphql';
import { DomainError, ErrorCode } from '../common/errors';

/** The longest list an argument may carry: far beyond any screen, far below PostgreSQL's 65,535 bind parameters. */
export const MAX_LIST_LENGTH = 1000;

/**
 * A field extension, `@Extensions({ [CHECKS_OWN_TEXT]: true })`, for a resolver that finds NUL
 * characters in its text itself and reports them in its own way (importCsv, row by row).
 */
export const CHECKS_OWN_TEXT = 'checksOwnText';

interface Problem {
  path: string[];
  message: (name: string) => string;
}

function problemIn(value: unknown, path: string[], checkText: boolean): Problem | undefined {
  if (typeof value === 'string') {
    // PostgreSQL cannot store NUL in text: caught here, it never reaches (and aborts) the request's transaction.
    return checkText && value.includes('\u0000') ? { path, message: (name) => `${name} contains a NUL character` } : undefined;
  }
  if (Array.isArray(value)) {
    if (value.length > MAX_LIST_LENGTH) {
      return { path, message: (name) => `${name} has ${value.length} items; at most ${MAX_LIST_LENGTH} are accepted` };
    }
    for (const item of value) {
      const problem = problemIn(item, path, checkText);
      if (problem) return problem;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) {
      const problem = problemIn(item, [...path, key], checkText);
      if (problem) return problem;
    }
  }
  return undefined;
}

/**
 * Every argument of every field, before its resolver runs: no NUL character in any text and no
 * list longer than MAX_LIST_LENGTH, anywhere in the input. Answers BAD_USER_INPUT naming the field.
 */
export function guardInput(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): void {
  const problem = problemIn(args, [], !field.extensions?.[CHECKS_OWN_TEXT]);
  if (problem) {
    const fieldPath = problem.path.join('.');
    throw new DomainError(ErrorCode.BAD_USER_INPUT, problem.message(fieldPath), { field: problem.path.at(-1), fieldPath });
  }
}

/**
 * The `if` of every @include and @skip of the operation, once its variables are coerced: graphql-js
 * keeps a null given for a nullable variable with a default, and only finds out that `if: Boolean!`
 * got it while executing (an internal error there, a crash in compiled reads). Refused first, with
 * HTTP 400 and BAD_USER_INPUT, before anything runs.
 */
export const directiveArgumentsGuard: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ schema, document, operation, request }) {
        if (!operation) return;
        const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
        // Variables that do not fit their types: execution refuses them with its own error.
        if (coerced.errors) return;
        const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
        const checked = new Set<FragmentDefinitionNode>();
        const check = (set: SelectionSetNode): void => {
          for (const selection of set.selections) {
            for (const directive of [GraphQLIncludeDirective, GraphQLSkipDirective]) {
              try {
                getDirectiveValues(directive, selection, coerced.coerced);
              } catch (error) {
                throw new GraphQLError(`L'argomento "if" di @${directive.name} non può essere null`, {
                  nodes: selection,
                  extensions: { code: ErrorCode.BAD_USER_INPUT, field: 'if', messageEn: (error as Error).message, http: { status: 400 } },
                });
              }
            }
            const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : undefined;
            if (fragment && !checked.has(fragment)) {
              checked.add(fragment);
              check(fragment.selectionSet);
            } else if (selection.kind !== Kind.FRAGMENT_SPREAD && selection.selectionSet) check(selection.selectionSet);
          }
        };
        check(operation.selectionSet);
      },
    };
  },
};
