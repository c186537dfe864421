import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ImportKind {
  PARTNERS = 'PARTNERS',
  CRISIS_COMPANIES = 'CRISIS_COMPANIES',
  /** Services planned or delivered on recipients' personal plans, as operators report them. */
  SERVICES = 'SERVICES',
}
registerEnumType(ImportKind, { name: 'ImportKind' });

@ObjectType({ description: 'Why one row of a CSV file cannot be imported.' })
export class ImportRowError {
  @Field(() => Int, { description: 'Line in the file, the header being line 1.' }) line: number;
  @Field({ description: 'Column (field) at fault.' }) field: string;
  @Field({ description: 'What is wrong, for clients to word: a validation constraint (isEmail, isTaxCode, …), unknownValue, isoDate, isEnum, alreadyExists or repeatedInFile; for services also required, isAmount, ambiguous, refused (the API refused the row: its message says why) or ruleViolation (the row would break a rule of the measure of the network).' })
  code: string;
  @Field() message: string;
}

@ObjectType({ description: 'Outcome of a CSV import or of its dry run.' })
export class ImportReport {
  @Field(() => ImportKind) kind: ImportKind;
  @Field() dryRun: boolean;
  @Field(() => Int, { description: 'Data rows in the file.' }) total: number;
  @Field(() => Int, { description: 'Rows without errors.' }) valid: number;
  @Field(() => Int, { description: 'Rows written (0 in a dry run).' }) imported: number;
  @Field(() => [ImportRowError]) errors: ImportRowError[];
}
