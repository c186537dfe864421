import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { formatError, graphqlErrorOf } from '../../server/src/graphql/errors';
import { translateDatabaseError } from '../../server/src/db/database-errors';

describe('unexpected errors', () => {
  test('are masked: no SQL, driver message or stack reaches the client, and the server logs the cause', () => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const cause = new QueryFailedError('INSERT INTO partners (legal_name) VALUES ($1)', ['x'], Object.assign(new Error('disk full'), { code: '53100' }));
      const error = new GraphQLError(cause.message, { originalError: cause, path: ['createPartner'] });
      const formatted = formatError({ message: error.message, path: ['createPartner'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } }, error);
      expect(formatted).toEqual({ message: 'Unexpected error', path: ['createPartner'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      expect(logged).toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });

  test('database refusals the client can act on become typed errors naming the field', () => {
    const failure = (code: string, extra: object = {}) =>
      graphqlErrorOf(translateDatabaseError(new QueryFailedError('SQL', [], Object.assign(new Error('driver'), { code, ...extra })))) as GraphQLError;
    expect(failure('23505', { constraint: 'uq_partners__tax_code' }).extensions).toMatchObject({ code: 'CONFLICT', field: 'taxCode' });
    expect(failure('23514', { constraint: 'ck_networks__end_date' }).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endDate' });
    expect(failure('23503', { constraint: 'fk_partners__partner_type_id', detail: 'Key (partner_type_id)=(x) is not present' }).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'partnerTypeId' });
    expect(failure('23503', { constraint: 'fk_network_members__partner_id', detail: 'Key (tenant_id, id)=(x) is still referenced' }).extensions).toMatchObject({ code: 'CONFLICT' });
    expect(failure('53100')).toBeInstanceOf(QueryFailedError);
  });
});

test('input validation failures name the field, its path and the constraint, so clients can word them', () => {
  const validationErrors = [{ property: 'input', children: [{ property: 'email', constraints: { isEmail: 'email must be an email' } }] }];
  const error = new GraphQLError('Argument Validation Error', { extensions: { code: 'BAD_USER_INPUT', validationErrors } });
  expect(formatError({ message: error.message, extensions: error.extensions }, error)).toMatchObject({
    message: 'input.email: email must be an email',
    extensions: { code: 'BAD_USER_INPUT', field: 'email', fieldPath: 'input.email', constraint: 'isEmail' },
  });
});
