/**
 * Joins the province of tenant `t`: its ISTAT code names a province (3 digits, e.g. 215 for the
 * Città metropolitana) or, for an ambito, a municipality (6 digits) whose province it takes.
 */
export const JOIN_TENANT_PROVINCE = `
  LEFT JOIN municipalities tenant_municipality ON tenant_municipality.istat_code = t.istat_code
  LEFT JOIN provinces tp ON tp.istat_code = t.istat_code OR tp.id = tenant_municipality.province_id`;
