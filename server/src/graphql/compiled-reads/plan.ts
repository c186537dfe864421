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

/** A statement of a plan, by the root query's SQL text: its own text, and where its parameters past the root query's come from. */
export interface Statement {
  text: string;
  name: string;
  /** TENANT where the caller's tenant goes. */
  params: unknown[];
}

/** A root field's plan, and the statements made of it (see execute.ts). */
export type ReadPlan = ({ shape: 'page'; fields: PageField[] } | { shape: 'record'; plan: ObjectPlan }) & { statements: Lru<string, Statement> };

/** What a selection is read with: the document's fragments and the request's coerced variables. */
export interface Planning {
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/** Why a query is answered field by field: planning stops at the first thing it cannot compile. */
export class NotCompiled extends Error {}
