import { GraphQLResolveInfo } from 'graphql';
import { Arg, ClassType, Ctx, Extensions, Field, ID, Info, InputType, Int, Mutation, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import { ObjectLiteral } from 'typeorm';
import { COMPILED_READ, compiledPage, compiledPlan, compiledRecord, RawJson } from '../graphql/compiled-reads';
import { Context } from '../graphql/context';
import { BaseFilter, SortOrder } from './inputs';
import { CrudService, Page, SortInput } from './crud.service';
import { apiColumns, Resource } from './resource';

const pascal = (name: string) => name[0].toUpperCase() + name.slice(1);

function sortInputFor(typeName: string, entity: Function): ClassType<SortInput> {
  const fields = Object.fromEntries(apiColumns(entity).map((p) => [p, p]));
  registerEnumType(fields, { name: `${typeName}SortField`, description: `Fields a ${typeName} list can be sorted by.` });

  @InputType(`${typeName}Sort`)
  class Sort {
    @Field(() => fields)
    field: string;

    @Field(() => SortOrder, { defaultValue: SortOrder.ASC })
    order: SortOrder;
  }
  return Sort;
}

function pageOf<E extends object>(typeName: string, entity: ClassType<E>): ClassType<Page<E>> {
  @ObjectType(`${typeName}Page`)
  class PageType {
    @Field(() => [entity])
    items: E[];

    @Field(() => Int, { description: 'Number of records matching the filter, across all pages.' })
    total: number;
  }
  return PageType;
}

/** `partner(id)` and `partners(filter, sort, page, perPage)` for a resource. */
export function readResolver<E extends ObjectLiteral & object, C extends object, F extends BaseFilter>(resource: Resource<E, C, F>) {
  const service = new CrudService(resource);
  const typeName = resource.entity.name;
  const PageType = pageOf(typeName, resource.entity);
  const Sort = sortInputFor(typeName, resource.entity);

  @Resolver()
  abstract class ReadResolver {
    protected readonly service = service;

    @Query(() => resource.entity, { name: resource.name, nullable: true, description: `One ${typeName} by id.` })
    @Extensions({ [COMPILED_READ]: 'record' })
    async one(@Arg('id', () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<E | RawJson | null> {
      const plan = compiledPlan(ctx, info);
      return plan ? compiledRecord(ctx, plan, await service.recordQuery(ctx, id)) : service.get(ctx, id);
    }

    @Query(() => PageType, { name: resource.plural, description: `A page of ${typeName} records.` })
    @Extensions({ [COMPILED_READ]: 'page' })
    async list(
      @Ctx() ctx: Context,
      @Info() info: GraphQLResolveInfo,
      @Arg('filter', () => resource.filter, { nullable: true }) filter?: F,
      @Arg('sort', () => [Sort], { nullable: true }) sort?: SortInput[],
      @Arg('page', () => Int, { defaultValue: 1, description: '1-based page number.' }) page = 1,
      @Arg('perPage', () => Int, { defaultValue: 25, description: 'Records per page, at most 500.' }) perPage = 25,
    ): Promise<Page<E> | RawJson> {
      const plan = compiledPlan(ctx, info);
      return plan ? compiledPage(ctx, plan, await service.pageQueries(ctx, filter, sort, page, perPage)) : service.list(ctx, filter, sort, page, perPage);
    }
  }
  return ReadResolver;
}

/** Adds createX, updateX and deleteX to the read operations. */
export function crudResolver<E extends ObjectLiteral & object, C extends object, F extends BaseFilter>(resource: Resource<E, C, F>) {
  if (!resource.createInput || !resource.updateInput) throw new Error(`${resource.entity.name} needs create and update inputs`);
  const createInput: ClassType<C> = resource.createInput;
  const updateInput: ClassType<Partial<C>> = resource.updateInput;

  @Resolver()
  abstract class CrudResolver extends readResolver(resource) {
    @Mutation(() => resource.entity, { name: `create${pascal(resource.name)}` })
    create(@Arg('input', () => createInput) input: C, @Ctx() ctx: Context): Promise<E> {
      return this.service.create(ctx, input);
    }

    @Mutation(() => resource.entity, { name: `update${pascal(resource.name)}`, description: 'Fails with CONFLICT if version is stale.' })
    update(
      @Arg('id', () => ID) id: string,
      @Arg('version', () => Int) version: number,
      @Arg('input', () => updateInput) input: Partial<C>,
      @Ctx() ctx: Context,
    ): Promise<E> {
      return this.service.update(ctx, id, version, input);
    }

    @Mutation(() => resource.entity, { name: `delete${pascal(resource.name)}`, description: 'Returns the deleted record. Fails with CONFLICT if version is stale.' })
    remove(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Ctx() ctx: Context): Promise<E> {
      return this.service.remove(ctx, id, version);
    }
  }
  return CrudResolver;
}
