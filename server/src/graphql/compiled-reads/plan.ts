import { FragmentDefinitionNode } from 'graphql';
import { EntityMetadata } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { Relation } from '../relations';
import { Lru } from './lru';

/** A root field's extension: `@Extensions({ [COMPILED_READ]: 'page' | 'record' })`. */
export const COMPILED_READ = 'compiledRead';

export type Format = 'raw' | 'date' | 'decimal' | 'decimals' | 'float' | 'timestamp';

export type PlannedField =
  | { key: string; kind: 'literal'; value: string }
  | { key: string; kind: 'column'; column: ColumnMetadata; format: Format }
  | { key: string; kind: 'relation'; relation: Relation; plan: ObjectPlan };

/** The values of one record: its columns, and the records and lists its relations lead to. */
export interface ObjectPlan {
  metadata: EntityMetadata;
  fields: PlannedField[];
}

export type PageField = { key: string; kind: 'literal'; value: string } | { key: string; kind: 'items'; plan: ObjectPlan } | { key: string; kind: 'total' };

/** A statement's text and name, and where its parameters past the leading ones come from (TENANT for the caller's tenant). */
export interface Statement {
  text: string;
  name: string;
  params: unknown[];
}

/** Where a record's values are in a row of its statement (StatementBuilder.record), and what is read for it after. */
export interface RecordShape {
  slots: Slot[];
}

export type Slot =
  | { key: string; kind: 'literal'; value: string }
  | { key: string; kind: 'value'; at: number }
  /** A record the row points to, joined into the same row; `at` holds its id, null when there is none. */
  | { key: string; kind: 'record'; at: number; shape: RecordShape }
  /** Records read after the row's level, by the key at `at` (and the tenant at `tenantAt`): the record's id for its lists, the id it points to for a record. */
  | { key: string; kind: 'read'; read: RelationRead; at: number; tenantAt?: number };

/**
 * A relation's records, read for all the parents of a level at once: $1 is their keys and, when
 * the records are the parents' tenants', $2 their tenants; each row starts with the key (and
 * tenant), then the record's values, in the list's order. `first`: one record per parent, or null.
 */
export interface RelationRead {
  statement: Statement;
  byTenant: boolean;
  first: boolean;
  shape: RecordShape;
}

/** A root query's statement, and where its rows' records and the page's total are. */
export interface RootRead {
  statement: Statement;
  /** One per `items` of a page (aliases may ask twice), or the record's. */
  shapes: RecordShape[];
  /** Where the page's total is in the first row; its position in the page, null when the page is empty. */
  total?: number;
  pageRow?: number;
}

/** A root field's plan, and the statements made of it (see execute.ts). */
export type ReadPlan = ({ shape: 'page'; fields: PageField[] } | { shape: 'record'; plan: ObjectPlan }) & {
  statements: Lru<string, RootRead>;
  /** The operation's only root field that reads: its statements are all its transaction runs. */
  onlyRead?: boolean;
};

/** What a selection is read with: the document's fragments and the request's coerced variables. */
export interface Planning {
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/** Why a query is answered field by field: planning stops at the first thing it cannot compile. */
export class NotCompiled extends Error {}
