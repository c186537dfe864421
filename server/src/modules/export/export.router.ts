import { validate } from 'class-validator';
import ExcelJS from 'exceljs';
import { Request, Response, Router } from 'express';
import { coerceInputValue, GraphQLInputType, GraphQLSchema } from 'graphql';
import { CSV_BOM, csvLine } from '../../common/csv';
import { badInput, DomainError } from '../../common/errors';
import { Locale } from '../../common/labels';
import { apiColumns } from '../../crud/resource';
import { SortOrder } from '../../crud/inputs';
import { createContext, Services } from '../../graphql/context';
import { AuthService } from '../auth/auth.service';
import { Cell, countExport, csvText, exportedResource, ExportRequest, ExportSink, isExportResource, streamExport } from './export.service';

const FORMATS = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;
type Format = keyof typeof FORMATS;

/** Writes and, when the socket's buffer is full, waits for it to drain: the cursor reads no faster than the client takes. */
function writeOut(res: Response, chunk: string | Buffer): Promise<void> | void {
  if (!res.write(chunk)) return new Promise((resolve) => res.once('drain', resolve));
}

function csvSink(res: Response, locale: Locale): ExportSink {
  return {
    header: (titles) => writeOut(res, `${CSV_BOM}${csvLine(titles)}`),
    row: (cells) => writeOut(res, csvLine(cells.map((c) => csvText(c, locale)))),
  };
}

/** XLSX cells keep their types: days as dates, money and counts as numbers, text as text (never a formula). */
function xlsxValue(cell: Cell): ExcelJS.CellValue {
  if (cell.value === null) return null;
  if (cell.kind === 'date') return new Date(`${cell.value}T00:00:00Z`);
  if (cell.kind === 'money') return Number(cell.value);
  return cell.value;
}

function xlsxSink(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheetName: string, locale: Locale): ExportSink {
  const sheet = workbook.addWorksheet(sheetName);
  const money = locale === 'it' ? '#.##0,00 "€"' : '"€"#,##0.00';
  return {
    header(titles) {
      sheet.addRow(titles).font = { bold: true };
      sheet.columns = titles.map((title) => ({ width: Math.min(Math.max(title.length + 2, 12), 40) }));
    },
    row(cells) {
      const row = sheet.addRow(cells.map(xlsxValue));
      cells.forEach((cell, i) => {
        if (cell.kind === 'date') row.getCell(i + 1).numFmt = 'dd/mm/yyyy';
        else if (cell.kind === 'money') row.getCell(i + 1).numFmt = money;
      });
      row.commit();
    },
  };
}

/** The list's filter as the API reads it: the same input type, coerced and validated as a GraphQL argument would be. */
async function filterOf(schema: GraphQLSchema, resource: ExportRequest['resource'], raw: unknown): Promise<ExportRequest['filter']> {
  if (raw === undefined) return undefined;
  const entity = exportedResource(resource);
  let parsed: unknown;
  try {
    parsed = JSON.parse(String(raw));
  } catch {
    throw badInput('filter', 'filter is not JSON');
  }
  const type = schema.getType(`${entity.entity.name}Filter`) as GraphQLInputType;
  const coerced = coerceInputValue(parsed, type, (_path, _value, error) => {
    throw badInput('filter', error.message);
  });
  const filter = Object.assign(new entity.filter(), coerced);
  const errors = await validate(filter, { forbidUnknownValues: false });
  if (errors.length) throw badInput(`filter.${errors[0].property}`, Object.values(errors[0].constraints ?? {})[0] ?? 'Invalid filter');
  return filter;
}

function exportRequest(schema: GraphQLSchema, req: Request): Promise<ExportRequest> | ExportRequest {
  const resource = String(req.params.resource);
  if (!isExportResource(resource)) throw badInput('resource', 'No export for this resource');
  const { sort, order = 'ASC', locale = 'it', filter } = req.query;
  if (locale !== 'it' && locale !== 'en') throw badInput('locale', 'locale is it or en');
  if (sort !== undefined && !apiColumns(exportedResource(resource).entity).includes(String(sort))) throw badInput('sort', 'Unknown sort field');
  if (order !== 'ASC' && order !== 'DESC') throw badInput('order', 'order is ASC or DESC');
  return filterOf(schema, resource, filter).then((parsed) => ({
    resource,
    locale,
    filter: parsed,
    sort: sort === undefined ? undefined : [{ field: String(sort), order: order as SortOrder }],
  }));
}

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };

/**
 * GET /export/<resource>.<csv|xlsx>?filter=<json>&sort=<field>&order=ASC|DESC&locale=it|en: the
 * list the console shows, every row, with the same sign-in as the API. Refusals are JSON
 * `{ error, message, max?, total? }` and come before the first byte of the file.
 */
export function exportRouter(services: Services & { auth: AuthService }, schema: GraphQLSchema, maxRows: number): Router {
  const router = Router();
  router.get('/export/:resource.:format', async (req, res) => {
    const format = req.params.format as Format;
    let ctx;
    try {
      if (!Object.hasOwn(FORMATS, format)) throw badInput('format', 'The format is csv or xlsx');
      const principal = await services.auth.authenticate(req.headers.authorization, req.get('x-tenant-id'));
      if (principal.role === 'ANONYMOUS') return void res.status(401).json({ error: 'UNAUTHENTICATED' });
      ctx = createContext(services, principal);
      const request = await exportRequest(schema, req);
      await countExport(ctx, request, maxRows);
      const day = new Date().toISOString().slice(0, 10);
      res.type(FORMATS[format]).attachment(`reti-${request.resource}-${day}.${format}`);
      if (format === 'csv') {
        await streamExport(ctx, request, csvSink(res, request.locale));
        res.end();
      } else {
        const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true, useSharedStrings: false });
        await streamExport(ctx, request, xlsxSink(workbook, request.resource, request.locale));
        await workbook.commit();
      }
    } catch (error) {
      if (res.headersSent) {
        console.error('Export failed while streaming', error);
        return void res.destroy();
      }
      const code = error instanceof DomainError ? error.code : 'INTERNAL_SERVER_ERROR';
      if (code === 'INTERNAL_SERVER_ERROR') console.error('Export failed', error);
      const { max, total } = error instanceof DomainError ? error.details : {};
      res.status(STATUS[code] ?? 500).json({ error: code, message: error instanceof DomainError ? error.message : undefined, field: (error as DomainError).field, max, total });
    } finally {
      await ctx?.scope.finish();
    }
  });
  return router;
}
