import { MiddlewareFn } from 'type-graphql';
import { Context } from './context';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../common/errors';

/** Every root field needs a signed-in caller, except the few that sign in. Applies to all fields, so none can forget it. */
export const requireSignIn = (publicFields: ReadonlySet<string>): MiddlewareFn<Context> => ({ context, info }, next) => {
  const isRoot = info.parentType.name === 'Query' || info.parentType.name === 'Mutation';
  if (isRoot && context.principal.role === 'ANONYMOUS' && !publicFields.has(info.fieldName)) {
    throw new GraphQLError('Sign in first', { extensions: { code: ErrorCode.UNAUTHENTICATED } });
  }
  return next();
};
