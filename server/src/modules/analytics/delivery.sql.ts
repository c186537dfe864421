import { JOIN_TENANT_PROVINCE } from '../tenant/tenant.sql';

export enum DeliveryDimension {
  MEASURE = 'MEASURE',
  PROVINCE = 'PROVINCE',
  TENANT = 'TENANT',
  YEAR = 'YEAR',
  AID_BAND = 'AID_BAND',
  SERVICE_TYPE = 'SERVICE_TYPE',
  STATUS = 'STATUS',
  DELIVERY = 'DELIVERY',
  OUTCOME = 'OUTCOME',
}

/** What the services' and the outcomes' totals are counted over: services `s` of enrolments `e`, or the enrolments. */
export type DeliverySubject = 'SERVICES' | 'OUTCOMES';

/** Each dimension's SQL over `e` (enrolment), `n`, `m`, `t`, `tp` and, for services, `s` and `st`: an allow-list, never caller SQL. */
const DIMENSION_SQL: Record<DeliveryDimension, { sql: string; field: string; services?: true; outcomes?: true }> = {
  MEASURE: { sql: 'm.code', field: 'measure' },
  PROVINCE: { sql: 'tp.name', field: 'province' },
  TENANT: { sql: 't.code', field: 'tenant' },
  // Services count in the year they are dated, recipients in the year they enrolled (see sqlOf).
  YEAR: { sql: 'extract(year FROM e.enrolled_on)::int', field: 'year' },
  AID_BAND: { sql: 'e.aid_band', field: 'aidBand' },
  SERVICE_TYPE: { sql: 'st.code', field: 'serviceType', services: true },
  STATUS: { sql: 's.status', field: 'status', services: true },
  DELIVERY: { sql: 's.delivery', field: 'delivery', services: true },
  OUTCOME: { sql: 'e.outcome', field: 'outcome', outcomes: true },
};

export function dimensionAllowed(subject: DeliverySubject, dimension: DeliveryDimension): boolean {
  const d = DIMENSION_SQL[dimension];
  return subject === 'SERVICES' ? !d.outcomes : !d.services;
}

const MEASURES = `
  JOIN networks n ON n.tenant_id = e.tenant_id AND n.id = e.network_id
  JOIN measures m ON m.id = n.measure_id
  JOIN tenants t ON t.id = e.tenant_id
  ${JOIN_TENANT_PROVINCE}`;

const FROM: Record<DeliverySubject, string> = {
  SERVICES: `FROM recipient_services s
  JOIN service_types st ON st.id = s.service_type_id
  JOIN recipient_enrolments e ON e.tenant_id = s.tenant_id AND e.id = s.enrolment_id
  ${MEASURES}`,
  OUTCOMES: `FROM recipient_enrolments e
  ${MEASURES}`,
};

const MEASURES_OF: Record<DeliverySubject, string[]> = {
  SERVICES: ['count(DISTINCT s.enrolment_id)::int AS recipients', 'count(*)::int AS services', 'sum(s.hours)::int AS hours', 'sum(s.amount)::text AS amount'],
  OUTCOMES: [
    'count(*)::int AS recipients',
    `count(*) FILTER (WHERE e.outcome = 'PLACEMENT')::int AS placements`,
    `count(*) FILTER (WHERE e.outcome = 'TRAINEESHIP')::int AS traineeships`,
    `count(*) FILTER (WHERE e.outcome = 'BUSINESS_START')::int AS business_starts`,
    `round(count(*) FILTER (WHERE e.outcome = 'PLACEMENT')::numeric / count(*), 4)::text AS placed_share`,
  ],
};

/**
 * Grouped totals of the services delivered to recipients, or of the recipients' outcomes, in one
 * statement. No row is a person: groups of fewer than `minRecipients` recipients are left out
 * (the open-data exports suppress groups under 5). `where` holds conditions with `$n` bound in order.
 */
export function deliveryTotalsSql(subject: DeliverySubject, dimensions: DeliveryDimension[], where: string[], minRecipients: number): { sql: string; fields: string[] } {
  const sqlOf = (d: DeliveryDimension) => (d === DeliveryDimension.YEAR && subject === 'SERVICES' ? 'extract(year FROM s.service_date)::int' : DIMENSION_SQL[d].sql);
  const keys = dimensions.map((d, i) => `${sqlOf(d)} AS k${i}`);
  const recipients = subject === 'SERVICES' ? 'count(DISTINCT s.enrolment_id)' : 'count(*)';
  return {
    fields: dimensions.map((d) => DIMENSION_SQL[d].field),
    sql: `SELECT ${[...keys, ...MEASURES_OF[subject]].join(', ')}
    ${FROM[subject]}
    WHERE ${['true', ...where].join(' AND ')}
    ${dimensions.length ? `GROUP BY ${dimensions.map((_, i) => i + 1).join(', ')}` : ''}
    HAVING ${recipients} >= ${Number(minRecipients)}
    ORDER BY ${dimensions.length ? dimensions.map((_, i) => i + 1).join(', ') : '1'}`,
  };
}
