import { SelectQueryBuilder } from 'typeorm';
import { Lru } from './lru';

/** Root queries' texts kept, by their builders' structure. */
const KEPT_TEXTS = 500;

/** What a builder's text does not depend on: the values (escapeQueryWithParameters places them) and the connection. */
const NOT_IN_TEXT = new Set(['dataSource', 'connection', 'parameters', 'nativeParameters', 'locallyGenerated']);

/** A builder's aliases as its text uses them: their names and tables. */
interface AliasLike {
  type: string;
  name: string;
  hasMetadata: boolean;
  metadata: { tablePath: string };
  tablePath?: string;
  subQuery?: string;
}
const aliasKey = (alias: AliasLike) => ({ type: alias.type, name: alias.name, table: alias.hasMetadata ? alias.metadata.tablePath : alias.tablePath, subQuery: alias.subQuery });

/** Plain data only: a function or an instance of a class (Brackets, metadata) in the builder leaves it without a key. */
function plainData(_key: string, value: unknown): unknown {
  if (typeof value === 'function' || typeof value === 'symbol') throw new TypeError('not plain data');
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype) throw new TypeError('not plain data');
  return value;
}

const isEmpty = (value: unknown) =>
  value === undefined || value === false || (Array.isArray(value) ? value.length === 0 : value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype && Object.keys(value).length === 0);

/**
 * What decides a select builder's text: everything in its expression map but the values of its
 * parameters, with its aliases by name and table. Undefined when the map holds anything but plain
 * data (a subquery's builder, Brackets), whose text is then made afresh each time.
 */
function structureOf(builder: SelectQueryBuilder<object>): string | undefined {
  const parts: unknown[] = [];
  for (const [name, value] of Object.entries(builder.expressionMap)) {
    // Each field keeps one type, so an empty value of it (unset, false, none) is one state whichever it is.
    if (NOT_IN_TEXT.has(name) || isEmpty(value)) continue;
    if (name === 'mainAlias') parts.push(name, value && aliasKey(value as AliasLike));
    else if (name === 'aliases') parts.push(name, (value as AliasLike[]).map(aliasKey));
    else parts.push(name, value);
  }
  try {
    return JSON.stringify(parts, plainData);
  } catch {
    return undefined;
  }
}

const texts = new Lru<string, string>(KEPT_TEXTS);

/**
 * A root query's SQL and positional parameters, as TypeORM's getQueryAndParameters gives them.
 * Making the text walks the builder's selects and replaces property names throughout it, a tenth of
 * the CPU of a request for one record; a compiled read's root query has the same structure on every
 * request of its document and caller's kind, so its text is kept by structure, and only the values
 * are placed each time (`:name` and `:...names` into `$1`…, as TypeORM does).
 */
export function queryAndParameters(builder: SelectQueryBuilder<object>): [string, unknown[]] {
  const structure = structureOf(builder);
  let text = structure === undefined ? undefined : texts.get(structure);
  if (text === undefined) {
    text = builder.getQuery();
    if (structure !== undefined) texts.set(structure, text);
  }
  return builder.connection.driver.escapeQueryWithParameters(text, builder.getParameters());
}
