import { ApolloServerPlugin } from '@apollo/server';
import { FragmentDefinitionNode, GraphQLError, Kind, SelectionSetNode } from 'graphql';
import { ErrorCode } from '../common/errors';
import { Context } from './context';

/** The root fields an operation selects, through fragments and inline fragments. */
function rootFields(selectionSet: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, seen = new Set<string>()): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection.name.value];
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFields(selection.selectionSet, fragments, seen);
    const name = selection.name.value;
    if (seen.has(name) || !fragments[name]) return [];
    seen.add(name);
    return rootFields(fragments[name].selectionSet, fragments, seen);
  });
}

/**
 * Every root field needs a signed-in caller, except the few that sign in and `__typename`.
 * Introspection (`__schema`, `__type`) is a root field like the others: any signed-in user reads
 * the schema, an anonymous caller does not. Checked once per operation, before anything runs, so
 * no resolver can forget it and no field pays for it.
 */
export function requireSignIn(publicFields: ReadonlySet<string>): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document }) {
          if (contextValue.principal.role !== 'ANONYMOUS' || !operation) return;
          const fragments = Object.fromEntries(
            document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
          );
          const needsSignIn = rootFields(operation.selectionSet, fragments).some((field) => !publicFields.has(field) && field !== '__typename');
          if (needsSignIn) throw new GraphQLError('Sign in first', { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
        },
      };
    },
  };
}
