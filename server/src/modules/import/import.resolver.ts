import { Arg, Ctx, Extensions, Mutation, Query, Resolver } from 'type-graphql';
import { Context } from '../../graphql/context';
import { CHECKS_OWN_TEXT } from '../../graphql/input-guard';
import { ImportKind, ImportReport } from './import.entity';
import { importColumns, importCsv } from './import.service';

@Resolver()
export class ImportResolver {
  @Query(() => [String], { description: "The template's columns for a kind of import, in order (Italian headers; English ones are read too)." })
  importColumns(@Arg('kind', () => ImportKind) kind: ImportKind): string[] {
    return importColumns(kind);
  }

  @Mutation(() => ImportReport, {
    description: 'Imports partners, companies in crisis or services to recipients from CSV (";" or "," separated, Italian or English headers). ' +
      'With dryRun (the default) nothing is written and every row is checked; without it the valid rows are written in one transaction.',
  })
  // A NUL character is reported on its row, in a dry run and a real import alike.
  @Extensions({ [CHECKS_OWN_TEXT]: true })
  importCsv(
    @Arg('kind', () => ImportKind) kind: ImportKind,
    @Arg('csv') csv: string,
    @Arg('dryRun', { defaultValue: true }) dryRun: boolean,
    @Ctx() ctx: Context,
  ): Promise<ImportReport> {
    return importCsv(ctx, kind, csv, dryRun);
  }
}
