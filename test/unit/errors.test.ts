import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { formatError, graphqlErrorOf } from '../../server/src/graphql/errors';
import { translateDatabaseError } from '../../server/src/db/database-errors';
import { createLogger } from '../../server/src/common/logger';

describe('unexpected errors', () => {
  test('are masked: no SQL, driver message or stack reaches the client, and the server logs the cause without its parameters', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const cause = new QueryFailedError('INSERT INTO partners (tax_code) VALUES ($1)', ['RSSMRA80A01F205X'], Object.assign(new Error('disk full'), { code: '53100' }));
    const error = new GraphQLError(cause.message, { originalError: cause, path: ['createPartner'] });
    const formatted = formatError({ message: error.message, path: ['createPartner'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } }, error, log);
    expect(formatted).toEqual({ message: 'Unexpected error', path: ['createPartner'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ msg: 'Unexpected error', err: { message: 'disk full', code: '53100' } });
    expect(lines[0]).not.toContain('RSSMRA80A01F205X');
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

  test('a database out of reach, wherever it surfaced, is UNAVAILABLE with HTTP 503 and Retry-After', () => {
    const lost = [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      new AggregateError([Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' })]),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      new QueryFailedError('SELECT 1', [], Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })),
      new QueryFailedError('SELECT 1', [], Object.assign(new Error('the database system is starting up'), { code: '57P03' })),
      new QueryFailedError('SELECT 1', [], Object.assign(new Error('connection failure'), { code: '08006' })),
      new QueryFailedError('SELECT 1', [], new Error('Client has encountered a connection error and is not queryable')),
    ];
    for (const error of lost) {
      const mapped = graphqlErrorOf(error) as GraphQLError;
      expect(mapped.extensions).toMatchObject({ code: 'UNAVAILABLE', retryAfterSeconds: expect.any(Number), http: { status: 503 } });
      expect((mapped.extensions.http as { headers: Map<string, string> }).headers.get('retry-after')).toMatch(/^\d+$/);
      expect(translateDatabaseError(error)).toMatchObject({ code: 'UNAVAILABLE' });
    }
    expect(graphqlErrorOf(new QueryFailedError('SELECT 1', [], Object.assign(new Error('syntax error'), { code: '42601' })))).toBeInstanceOf(QueryFailedError);
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
