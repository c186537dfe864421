import { buildSchema, GraphQLEnumType } from 'graphql';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { en } from '../../admin/src/i18n/en';
import { it as italian } from '../../admin/src/i18n/it';

/**
 * The console labels enum values from reti.enums.<Enum>.<VALUE>: a value without a label shows its
 * translation key on screen. Sort fields, sort orders and the grouping dimensions are never shown
 * as values (the workspace names its dimensions under reti.workspace.dimensions).
 */
const schema = buildSchema(readFileSync(path.resolve(__dirname, '../../schema.graphql'), 'utf8'));
const NOT_SHOWN = /SortField$|^SortOrder$|^AllocationDimension$|^DeliveryDimension$/;
const shown = Object.values(schema.getTypeMap()).filter((t): t is GraphQLEnumType => t instanceof GraphQLEnumType && !t.name.startsWith('__') && !NOT_SHOWN.test(t.name));

const labels = { it: italian.reti.enums as Record<string, Record<string, string> | undefined>, en: en.reti.enums as Record<string, Record<string, string> | undefined> };

test.each(['it', 'en'] as const)('every value of every enum the console shows has a label in %s', (locale) => {
  const missing = shown.flatMap((type) => type.getValues().filter((v) => !labels[locale][type.name]?.[v.name]?.trim()).map((v) => `reti.enums.${type.name}.${v.name}`));
  expect(missing).toEqual([]);
});

test('the dimensions of the workspace are named in both languages', () => {
  const dimensions = (schema.getType('AllocationDimension') as GraphQLEnumType).getValues().map((v) => v.name);
  for (const messages of [italian, en]) expect(dimensions.filter((d) => !(messages.reti.workspace.dimensions as Record<string, string>)[d])).toEqual([]);
});

test('every table the database audits is named in the change log, in both languages', () => {
  const migrations = path.resolve(__dirname, '../../migrations');
  const audited = new Set(readdirSync(migrations).flatMap((file) => [...readFileSync(path.join(migrations, file), 'utf8').matchAll(/ON (\w+) FOR EACH ROW EXECUTE FUNCTION audit_row\(\)/g)].map((m) => m[1])));
  const resource = (table: string) => table.replace(/_([a-z])/g, (_m, letter: string) => letter.toUpperCase());
  for (const messages of [italian, en]) {
    const names = messages.resources as Record<string, { name?: string } | undefined>;
    expect([...audited].filter((table) => !names[resource(table)]?.name)).toEqual([]);
  }
});
