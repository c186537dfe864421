import { ObjectLiteral } from 'typeorm';
import { EntityClass, present } from '../common/request';
import { Loaders } from './loaders';

/**
 * How a field of one record leads to other records, declared once: the field resolver follows it
 * with the request's batch loaders, and compiled reads (compiled-reads.ts) turn it into SQL.
 * Targets are thunks because entities import each other.
 */
export type Relation =
  /** The record whose id the parent holds in `key` (a member's partner). */
  | { kind: 'one'; target: () => EntityClass; key: string }
  /** The records whose `by` holds the parent's id, in `orderBy` order (a network's members). */
  | { kind: 'many'; target: () => EntityClass; by: string; orderBy: string }
  /**
   * The records that link rows point to: the `link` rows whose `by` holds the parent's id (and
   * whose columns equal `where`), in `orderBy` order, each leading to the record whose id is in its
   * `key`. With `first`, only the first (a network's lead, through its LEAD member).
   */
  | { kind: 'through'; link: () => EntityClass; by: string; orderBy: string; where?: Record<string, string>; key: string; target: () => EntityClass; first?: boolean };

export const one = (target: () => EntityClass, key: string): Relation => ({ kind: 'one', target, key });

export const many = (target: () => EntityClass, by: string, orderBy = 'createdAt'): Relation => ({ kind: 'many', target, by, orderBy });

export const through = (
  link: () => EntityClass,
  by: string,
  key: string,
  target: () => EntityClass,
  options: { orderBy?: string; where?: Record<string, string>; first?: boolean } = {},
): Relation => ({ kind: 'through', link, by, key, target, orderBy: options.orderBy ?? 'createdAt', where: options.where, first: options.first });

const declared = new Map<Function, Record<string, Relation>>();

/** Declares an entity's relations under their GraphQL field names; returns them for its resolver. */
export function relationsOf<R extends Record<string, Relation>>(entity: Function, relations: R): R {
  declared.set(entity, { ...declared.get(entity), ...relations });
  return relations;
}

/** The relation behind a field of an entity's type, when one was declared. */
export function declaredRelation(entity: Function, field: string): Relation | undefined {
  return declared.get(entity)?.[field];
}

/** Follows a relation from one parent record with the request's batch loaders. */
export async function follow(loaders: Loaders, relation: Relation, parent: ObjectLiteral): Promise<unknown> {
  switch (relation.kind) {
    case 'one':
      return parent[relation.key] ? loaders.byId(relation.target()).load(parent[relation.key]) : null;
    case 'many':
      return loaders.manyBy(relation.target(), relation.by, relation.orderBy).load(parent.id);
    case 'through': {
      const { where = {} } = relation;
      const links = (await loaders.manyBy(relation.link(), relation.by, relation.orderBy).load(parent.id)).filter((link) =>
        Object.entries(where).every(([column, value]) => link[column] === value),
      );
      if (relation.first) return links.length ? loaders.byId(relation.target()).load(links[0][relation.key]) : null;
      return present(await loaders.byId(relation.target()).loadMany(links.map((link) => link[relation.key])));
    }
  }
}
