import { ObjectLiteral } from 'typeorm';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { EntityClass, present } from '../common/request';
import type { Context } from './context';
import { Loaders } from './loaders';

/**
 * How a field of one record leads to other records, declared once in a module's `*.relations.ts`:
 * the GraphQL field is generated from it (relationResolvers), follows it with the request's batch
 * loaders, and compiled reads (compiled-reads/) turn it into SQL. Targets are thunks because
 * entities import each other.
 */
export type Relation = (
  /** The record whose id the parent holds in `key` (a member's partner). */
  | { kind: 'one'; target: () => EntityClass; key: string }
  /** The records whose `by` holds the parent's id, in `orderBy` order (a network's members). */
  | { kind: 'many'; target: () => EntityClass; by: string; orderBy: string }
  /**
   * The records that link rows point to: the `link` rows whose `by` holds the parent's id (and
   * whose columns equal `where`), in `orderBy` order, each leading to the record whose id is in its
   * `key`. With `first`, only the first (a network's lead, through its LEAD member).
   */
  | { kind: 'through'; link: () => EntityClass; by: string; orderBy: string; where?: Record<string, string>; key: string; target: () => EntityClass; first?: boolean }
) &
  RelationOptions;

/** The GraphQL field's options (a record is non-null unless `nullable`; a list never is null), and where its records are. */
export interface RelationOptions {
  nullable?: boolean;
  description?: string;
  /** The records may be another tenant's (co-design: a call's proposals are the bodies'); otherwise they are the parent's tenant's. */
  acrossTenants?: boolean;
}

export const one = (target: () => EntityClass, key: string, options: RelationOptions = {}): Relation => ({ kind: 'one', target, key, ...options });

export const many = (target: () => EntityClass, by: string, orderBy = 'createdAt', options: RelationOptions = {}): Relation => ({ kind: 'many', target, by, orderBy, ...options });

export const through = (
  link: () => EntityClass,
  by: string,
  key: string,
  target: () => EntityClass,
  options: { orderBy?: string; where?: Record<string, string>; first?: boolean } & RelationOptions = {},
): Relation => ({ kind: 'through', link, by, key, target, orderBy: options.orderBy ?? 'createdAt', where: options.where, first: options.first, nullable: options.nullable, description: options.description, acrossTenants: options.acrossTenants });

/** Whether a relation leads to a list of records rather than to one. */
export const listed = (relation: Relation): boolean => relation.kind === 'many' || (relation.kind === 'through' && !relation.first);

const declared = new Map<Function, Record<string, Relation>>();
const entityOf = new WeakMap<object, Function>();

/** Declares an entity's relations under their GraphQL field names (see relationResolvers). */
export function relationsOf<R extends Record<string, Relation>>(entity: Function, relations: R): R {
  declared.set(entity, { ...declared.get(entity), ...relations });
  entityOf.set(relations, entity);
  return relations;
}

const generated = new WeakMap<object, Function>();

/**
 * The resolver classes of declared relations (what relationsOf returned), one per declaration:
 * each relation is a field of the entity's type, resolved by following it with the batch loaders.
 * Made once per declaration, since TypeGraphQL keeps its metadata globally.
 */
export function relationResolvers(declarations: readonly Record<string, Relation>[]): Function[] {
  return declarations.map((relations) => {
    const entity = entityOf.get(relations);
    if (!entity) throw new Error('Relations are declared with relationsOf');
    return generated.get(relations) ?? generate(entity, relations);
  });
}

function generate(entity: Function, relations: Record<string, Relation>): Function {
  @Resolver(() => entity)
  class RelationResolver {}
  Object.defineProperty(RelationResolver, 'name', { value: `${entity.name}RelationResolver` });
  for (const [name, relation] of Object.entries(relations)) {
    Object.defineProperty(RelationResolver.prototype, name, {
      value: (parent: ObjectLiteral, ctx: Context) => follow(ctx.loaders, relation, parent),
    });
    const type = () => (listed(relation) ? [relation.target()] : relation.target());
    FieldResolver(type, { nullable: !listed(relation) && (relation.nullable ?? (relation.kind === 'through')), description: relation.description })(
      RelationResolver.prototype,
      name,
      Object.getOwnPropertyDescriptor(RelationResolver.prototype, name)!,
    );
    Root()(RelationResolver.prototype, name, 0);
    Ctx()(RelationResolver.prototype, name, 1);
  }
  generated.set(relations, RelationResolver);
  return RelationResolver;
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
