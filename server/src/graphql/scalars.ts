import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isIsoDate } from '../common/dates';

const MONEY = /^(0|[1-9][0-9]{0,11})(\.[0-9]{1,2})?$/;

/** Money as an exact decimal string with at most two decimals ("70000.00"). Never a float. */
export const Money = new GraphQLScalarType<string, string>({
  name: 'Money',
  description: 'An exact amount in euro as a decimal string with at most two decimals, e.g. "70000.00".',
  serialize: (value) => String(value),
  parseValue: (value) => parseMoney(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING && ast.kind !== Kind.INT) throw invalid('Money must be a decimal string');
    return parseMoney(ast.value);
  },
});

function invalid(message: string) {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

function parseMoney(value: unknown): string {
  if (typeof value === 'number' && Number.isInteger(value)) value = String(value);
  if (typeof value !== 'string' || !MONEY.test(value)) {
    throw invalid('Money must be a non-negative decimal string with at most 2 decimals, e.g. "1835.00"');
  }
  return value;
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isIsoDate(value)) throw invalid('Dates are ISO-8601 calendar dates, e.g. "2021-02-19"');
  return value;
}

/** A calendar date without time zone, ISO-8601 (YYYY-MM-DD). */
export const LocalDate = new GraphQLScalarType<string, string>({
  name: 'LocalDate',
  description: 'A calendar date, ISO-8601: YYYY-MM-DD.',
  serialize: (value) => String(value),
  parseValue: parseDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw invalid('Dates are ISO-8601 strings');
    return parseDate(ast.value);
  },
});
