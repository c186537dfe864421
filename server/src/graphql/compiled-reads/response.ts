import { RecordShape, RelationRead } from './plan';

/** A compiled answer's JSON text, placed into the response as it is (see stringifyResponse). */
export class RawJson {
  constructor(readonly text: string) {}

  toJSON(): unknown {
    return JSON.parse(this.text);
  }
}

/** The response body, with compiled answers spliced in without parsing them. */
export function stringifyResponse(result: { data?: Record<string, unknown> | null }): string {
  const { data, ...rest } = result;
  if (!data || !Object.values(data).some((value) => value instanceof RawJson)) return JSON.stringify(result);
  const fields = Object.entries(data).map(([key, value]) => `${JSON.stringify(key)}:${value instanceof RawJson ? value.text : JSON.stringify(value)}`);
  const others = JSON.stringify(rest);
  return `{"data":{${fields.join(',')}}${others === '{}' ? '' : `,${others.slice(1, -1)}`}}`;
}

/** A record as the response gives it. */
type Built = Record<string, unknown>;

/** Records still to read for a record: its parent key and tenant, and where in the record they go. */
interface Waiting {
  id: unknown;
  tenant: unknown;
  record: Built;
  key: string;
}

/** What a level's records wait for, by the statement that reads it. */
export type PendingReads = Map<RelationRead, Waiting[]>;

/** Sets a key of a built record: an alias such as __proto__ is a key like any other, as in graphql-js's results. */
export function place(record: Built, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}

/**
 * A record from its row, under the plan's keys and in its order. What is read after its level
 * (lists, and records a list's rows point to) is empty until then (fillReads), and noted in
 * `pending`. Plain objects, filled in the same order for every row, which V8 keeps compact.
 */
export function buildRecord(shape: RecordShape, row: unknown[], pending: PendingReads): Built {
  const record: Built = {};
  for (const slot of shape.slots) {
    if (slot.kind === 'literal') place(record, slot.key, slot.value);
    else if (slot.kind === 'value') place(record, slot.key, row[slot.at]);
    else if (slot.kind === 'record') place(record, slot.key, row[slot.at] === null ? null : buildRecord(slot.shape, row, pending));
    else {
      place(record, slot.key, slot.read.first ? null : []);
      let list = pending.get(slot.read);
      if (!list) pending.set(slot.read, (list = []));
      // A record that points nowhere waits for nothing; its level's statement still runs, so a query sends the same statements whatever its rows hold.
      if (row[slot.at] !== null) list.push({ id: row[slot.at], tenant: slot.tenantAt === undefined ? undefined : row[slot.tenantAt], record, key: slot.key });
    }
  }
  return record;
}

/** By shape, the reads below it: shapes belong to cached plans, so each is walked once. */
const readsBelow = new WeakMap<RecordShape, RelationRead[]>();

/** What a record of this shape has read after its level: its lists, and those of the records joined into its row. */
export function readsOf(shape: RecordShape): RelationRead[] {
  let reads = readsBelow.get(shape);
  if (!reads) readsBelow.set(shape, (reads = shape.slots.flatMap((slot) => (slot.kind === 'read' ? [slot.read] : slot.kind === 'record' ? readsOf(slot.shape) : []))));
  return reads;
}

/** The parents' keys and tenants a read's statement takes ($1 and $2), each once. */
export function readKeys(read: RelationRead, waiting: Waiting[]): unknown[][] {
  const ids = [...new Set(waiting.map((w) => w.id))];
  if (!read.byTenant) return [ids];
  const tenants = new Set<unknown>();
  let last: unknown;
  for (const w of waiting) if (w.tenant !== last) tenants.add((last = w.tenant));
  return [ids, [...tenants]];
}

/**
 * Places a read's rows (each led by its parent's key, and tenant) into their parents, in the rows'
 * order. Rows come grouped by key (the statements order by it first), so only a group's first row
 * is looked up; a parent takes the rows of its own tenant alone.
 */
export function fillReads(read: RelationRead, waiting: Waiting[], rows: unknown[][], pending: PendingReads): void {
  const byKey = new Map<unknown, unknown[][]>();
  let group: unknown[][] = [];
  for (const row of rows) {
    if (group.length && row[0] === group[0][0]) group.push(row);
    else {
      group = byKey.get(row[0]) ?? [];
      if (!group.length) byKey.set(row[0], group);
      group.push(row);
    }
  }
  for (const w of waiting) {
    let own = byKey.get(w.id) ?? [];
    if (read.byTenant && own.some((row) => row[1] !== w.tenant)) own = own.filter((row) => row[1] === w.tenant);
    place(w.record, w.key, read.first ? (own.length ? buildRecord(read.shape, own[0], pending) : null) : own.map((row) => buildRecord(read.shape, row, pending)));
  }
}
