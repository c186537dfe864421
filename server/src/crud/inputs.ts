import { IsOptional, IsUUID, MaxLength } from 'class-validator';
import { ClassType, Field, getMetadataStorage, ID, InputType, registerEnumType } from 'type-graphql';

export enum SortOrder {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortOrder, { name: 'SortOrder' });

/** What every list filter accepts. */
@InputType()
export abstract class BaseFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these records.' })
  @IsOptional()
  @IsUUID('all', { each: true })
  ids?: string[];

  @Field({ nullable: true, description: 'Case-insensitive search over names and codes.' })
  @IsOptional()
  @MaxLength(200)
  q?: string;
}

/**
 * The update input of a resource: the create input's fields, all optional and without defaults,
 * so an update changes only what it names. Fields and validators are declared once, on create.
 */
export function partialInput<T extends object>(base: ClassType<T>, name: string): ClassType<Partial<T>> {
  @InputType(name)
  class PartialInput extends (base as ClassType<object>) {}
  for (const field of getMetadataStorage().fields.filter((f) => f.target === base)) {
    // TypeGraphQL records that a field is a list only when its type thunk first runs, so the
    // thunk re-wraps the type: `rules: [RuleCode!]` must stay a list in the update input.
    const { array: _array, arrayDepth: _arrayDepth, ...typeOptions } = field.typeOptions;
    const getType = () => {
      let type: unknown = field.getType();
      for (let depth = field.typeOptions.array ? (field.typeOptions.arrayDepth ?? 1) : 0; depth > 0; depth--) type = [type];
      return type as ReturnType<typeof field.getType>;
    };
    // A list whose items may be null (amounts per band) keeps them nullable.
    const nullable = typeOptions.nullable === 'items' ? 'itemsAndList' : true;
    Field(getType, { ...typeOptions, nullable, defaultValue: undefined, description: field.description })(
      PartialInput.prototype,
      field.name,
    );
    IsOptional()(PartialInput.prototype, field.name);
  }
  return PartialInput as ClassType<Partial<T>>;
}
