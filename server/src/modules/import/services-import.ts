import { EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '../../common/errors';
import { ENUM_LABELS } from '../../common/labels';
import { RequestContext } from '../../common/request';
import { normaliseTaxCode } from '../../common/tax-code';
import { CrudService } from '../../crud/crud.service';
import { scopedQuery } from '../../db/scoped-query';
import { ServiceType } from '../measure/measure.entity';
import { Network } from '../network/network.entity';
import { Partner } from '../partner/partner.entity';
import { RecipientEnrolment } from '../recipient/recipient.entity';
import { DeliveryMode, ServiceStatus } from '../service-plan/service-plan.entity';
import { CreateRecipientServiceInput } from '../service-plan/service-plan.inputs';
import { enrolmentReference, recipientServiceResource } from '../service-plan/service-plan.service';
import { CellError, columnPositions, convertRow, CsvColumn, date, defaultsOf, inputErrors, integer, oneOf, readCsv, timeSlices } from './csv';
import { ImportKind, ImportReport, ImportRowError } from './import.entity';

const recipientServices = new CrudService(recipientServiceResource);

/** An amount written the Italian way ("1.234,56", "1234,5") or with a decimal point ("1234.56"), as the API's decimal string. */
function amount(value: string): string {
  const compact = value.replace(/[\s€]/g, '');
  const decimal = compact.includes(',') ? compact.replace(/\./g, '').replace(',', '.') : compact;
  if (!/^\d{1,12}(\.\d{1,2})?$/.test(decimal)) throw new CellError('isAmount', `Importo non valido: ${value} (ad esempio 1.234,56)`);
  return decimal;
}

/** The columns of a services file; the fields are the report's, the references resolved row by row. */
export const SERVICE_COLUMNS: CsvColumn[] = [
  { headers: ['codice_rete', 'network_code', 'rete', 'network'], field: 'networkCode' },
  { headers: ['riferimento_iscrizione', 'enrolment_reference', 'riferimento', 'reference'], field: 'enrolmentReference' },
  { headers: ['codice_servizio', 'service_type_code', 'servizio', 'service_type'], field: 'serviceTypeCode' },
  { headers: ['cf_soggetto_erogatore', 'partner_tax_code', 'codice_fiscale_erogatore', 'erogatore'], field: 'partnerTaxCode' },
  { headers: ['modalita', 'modalità', 'delivery', 'delivery_mode'], field: 'delivery', convert: oneOf(DeliveryMode, [ENUM_LABELS.it.DeliveryMode, ENUM_LABELS.en.DeliveryMode]) },
  { headers: ['data', 'data_servizio', 'service_date', 'date'], field: 'serviceDate', convert: date },
  { headers: ['ore', 'hours'], field: 'hours', convert: integer },
  { headers: ['stato', 'status'], field: 'status', convert: oneOf(ServiceStatus, [ENUM_LABELS.it.ServiceStatus, ENUM_LABELS.en.ServiceStatus]) },
  { headers: ['importo', 'amount'], field: 'amount', convert: amount },
];

/**
 * Each row is written and checked against the network's rules on its own (about 70 ms on an ACTIVE
 * network of a few hundred services), so a file is kept to what one request does in about a minute.
 */
export const MAX_SERVICE_ROWS = 1_000;

const REQUIRED = ['networkCode', 'enrolmentReference', 'serviceTypeCode', 'partnerTaxCode', 'serviceDate', 'hours'];

/** The API's input fields as the file's columns name them, for the errors of a refused row. */
const COLUMN_OF_INPUT: Record<string, string> = { enrolmentId: 'enrolmentReference', serviceTypeId: 'serviceTypeCode', partnerId: 'partnerTaxCode' };

/** What one network of the file resolves to: its enrolments by reference, its measure's service types by code. */
interface NetworkLookups {
  enrolments: Map<string, string[]>;
  serviceTypes: Map<string, string>;
}

/** Messages are written "italiano / English"; the import's report is in Italian. */
const italian = (message: string) => message.split(' / ')[0];

function refusal(error: DomainError, line: number): ImportRowError {
  const violations = (error.details.violations as { message: string }[] | undefined) ?? [];
  if (error.code === ErrorCode.RULE_VIOLATION) {
    return { line, field: 'rules', code: 'ruleViolation', message: violations.length ? violations.map((v) => v.message).join(' ') : italian(error.message) };
  }
  return { line, field: COLUMN_OF_INPUT[error.field ?? ''] ?? error.field ?? 'row', code: 'refused', message: italian(error.message) };
}

/**
 * Reads a CSV file of services planned or delivered and records each row as createRecipientService
 * would, in order, each in a savepoint of its own: the checks are the API's (partner a member of the
 * network, service type of its measure, standard costs) and, on an ACTIVE network, the measure's
 * rules, so a row that would push a recipient past an hour cap is refused and the rows before it
 * count. The references are the tenant's own: a network code of another tenant is unknown. A dry
 * run does the same and then rolls everything back.
 */
export async function importServices(ctx: RequestContext, csv: string, dryRun: boolean): Promise<ImportReport> {
  const { keys, rows } = await readCsv(csv, MAX_SERVICE_ROWS);
  const positions = columnPositions(SERVICE_COLUMNS, keys, REQUIRED);
  const defaults = defaultsOf(CreateRecipientServiceInput);
  const importRows = async (manager: EntityManager): Promise<ImportReport> => {
    const networks = new Map<string, (Network & NetworkLookups) | null>();
    const partners = await partnersByTaxCode(ctx, manager);
    const errors: ImportRowError[] = [];
    let valid = 0;
    const slice = timeSlices();
    for (const row of rows) {
      await slice();
      const { line } = row;
      const { input, errors: rowErrors } = convertRow(SERVICE_COLUMNS, positions, row, undefined);
      for (const field of REQUIRED) {
        if (input[field] === undefined && !rowErrors.some((e) => e.field === field)) rowErrors.push({ line, field, code: 'required', message: 'Valore mancante' });
      }
      const code = String(input.networkCode ?? '');
      if (code && !networks.has(code)) networks.set(code, await networkLookups(ctx, manager, code));
      const network = networks.get(code);
      const fail = (field: string, errorCode: string, message: string) => rowErrors.push({ line, field, code: errorCode, message });
      if (code && !network) fail('networkCode', 'unknownValue', `Rete ${code} non trovata tra le reti del tuo ente`);
      const reference = String(input.enrolmentReference ?? '').toUpperCase();
      const enrolments = network && reference ? (network.enrolments.get(reference) ?? []) : [];
      if (network && reference && enrolments.length !== 1) {
        if (enrolments.length) fail('enrolmentReference', 'ambiguous', `Il riferimento ${reference} indica più iscrizioni: usa l'identificativo completo`);
        else fail('enrolmentReference', 'unknownValue', `Nessun destinatario della rete ${code} ha il riferimento ${reference}`);
      }
      const serviceTypeCode = String(input.serviceTypeCode ?? '').toUpperCase();
      const serviceTypeId = network?.serviceTypes.get(serviceTypeCode);
      if (network && serviceTypeCode && !serviceTypeId) fail('serviceTypeCode', 'unknownValue', `Il servizio ${serviceTypeCode} non è previsto dalla misura della rete`);
      const taxCode = input.partnerTaxCode ? normaliseTaxCode(String(input.partnerTaxCode)) : '';
      const partnerId = partners.get(taxCode);
      if (taxCode && !partnerId) fail('partnerTaxCode', 'unknownValue', `Nessun soggetto del tuo ente ha il codice fiscale ${taxCode}`);

      const service = {
        ...defaults,
        enrolmentId: enrolments[0],
        serviceTypeId,
        partnerId,
        ...Object.fromEntries(['delivery', 'serviceDate', 'hours', 'status', 'amount'].filter((f) => input[f] !== undefined).map((f) => [f, input[f]])),
      };
      if (!rowErrors.length) rowErrors.push(...(await inputErrors(CreateRecipientServiceInput, service, line)));
      if (!rowErrors.length) {
        try {
          await recipientServices.create(ctx, service as CreateRecipientServiceInput);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          rowErrors.push(refusal(error, line));
        }
      }
      if (rowErrors.length) errors.push(...rowErrors);
      else valid += 1;
    }
    return { kind: ImportKind.SERVICES, dryRun, total: rows.length, valid, imported: dryRun ? 0 : valid, errors };
  };
  return dryRun ? ctx.scope.rehearse(importRows) : ctx.scope.write(importRows);
}

/** The tenant's partners by tax code. */
async function partnersByTaxCode(ctx: RequestContext, manager: EntityManager): Promise<Map<string, string>> {
  const rows: { id: string; taxCode: string }[] = await scopedQuery(manager, Partner, ctx.principal).select('r.id', 'id').addSelect('r.taxCode', 'taxCode').getRawMany();
  return new Map(rows.map((r) => [r.taxCode, r.id]));
}

/** One of the tenant's networks by code, with its enrolments by reference (and by full id) and its measure's service types by code. */
async function networkLookups(ctx: RequestContext, manager: EntityManager, code: string): Promise<(Network & NetworkLookups) | null> {
  const network = await scopedQuery(manager, Network, ctx.principal).andWhere('r.tenantId = :tenantId AND r.code = :code', { tenantId: ctx.principal.tenantId, code }).getOne();
  if (!network) return null;
  const enrolments: { id: string }[] = await scopedQuery(manager, RecipientEnrolment, ctx.principal)
    .select('r.id', 'id')
    .andWhere('r.networkId = :networkId', { networkId: network.id })
    .getRawMany();
  const byReference = new Map<string, string[]>();
  for (const { id } of enrolments) {
    for (const key of [enrolmentReference(id), id.toUpperCase()]) byReference.set(key, [...(byReference.get(key) ?? []), id]);
  }
  const types = await manager.getRepository(ServiceType).findBy({ measureId: network.measureId });
  return Object.assign(network, { enrolments: byReference, serviceTypes: new Map(types.map((t) => [t.code.toUpperCase(), t.id])) });
}
