/**
 * Joins the province of tenant `t`: its ISTAT code names a province (3 digits, e.g. 215 for the
 * Città metropolitana) or, for an ambito, a municipality (6 digits) whose province it takes.
 * The last join is one equality, so the planner can hash it however many rows carry `t`.
 */
export const JOIN_TENANT_PROVINCE = `
  LEFT JOIN provinces tenant_province ON tenant_province.istat_code = t.istat_code
  LEFT JOIN municipalities tenant_municipality ON tenant_municipality.istat_code = t.istat_code
  LEFT JOIN provinces tp ON tp.id = coalesce(tenant_province.id, tenant_municipality.province_id)`;
