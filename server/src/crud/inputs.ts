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
    Field(field.getType, { ...field.typeOptions, nullable: true, defaultValue: undefined, description: field.description })(
      PartialInput.prototype,
      field.name,
    );
    IsOptional()(PartialInput.prototype, field.name);
  }
  return PartialInput as ClassType<Partial<T>>;
}
