import { MigrationInterface, QueryRunner } from 'typeorm';

const COLUMNS = ['placement_amounts_by_band', 'self_employment_amounts_by_band'];
/** The measures of seeds 001 and 002 (Azioni di rete per il lavoro) and its Fase II call, which pay result services. */
const MEASURES = ['AZIONI_RETE_LAVORO', 'AZIONI_RETE_FASE_II'];

/**
 * Seed 002: result services are "quantificati secondo la Fascia di Aiuto del destinatario". A
 * measure keeps, per result kind, the amount of each aid band (element n is band n + 1; NULL or
 * missing is a band with no amount of its own, bounded by the per-recipient cap only). The
 * documents give no amount per band, so none is set here. RESULT_BAND_AMOUNTS is the rule that
 * checks plans and allocations against them.
 */
export class ResultBandAmounts1763700002200 implements MigrationInterface {
  name = 'ResultBandAmounts1763700002200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
ALTER TABLE measures
${COLUMNS.map(
  (c) => `  ADD COLUMN ${c} numeric(14,2)[] NOT NULL DEFAULT '{}'
    CONSTRAINT ck_measures__${c} CHECK (cardinality(${c}) <= 4 AND coalesce(array_ndims(${c}), 1) = 1 AND 0 < ALL (${c}))`,
).join(',\n')};
COMMENT ON COLUMN measures.placement_amounts_by_band IS 'RESULT_BAND_AMOUNTS: job-placement result amount per aid band, band n at position n; NULL for a band without one.';
COMMENT ON COLUMN measures.self_employment_amounts_by_band IS 'RESULT_BAND_AMOUNTS: self-employment result amount per aid band, band n at position n; NULL for a band without one.';
GRANT INSERT (${COLUMNS.join(', ')}), UPDATE (${COLUMNS.join(', ')}) ON measures TO reti_admin;

INSERT INTO rule_codes (code, label_it, label_en, owner)
VALUES ('RESULT_BAND_AMOUNTS', 'Servizi a risultato secondo la fascia di aiuto', 'Result services by aid band', 'service-plan');
UPDATE measures SET rules = rules || ARRAY['RESULT_BAND_AMOUNTS']
WHERE code IN (${MEASURES.map((m) => `'${m}'`).join(', ')}) AND NOT 'RESULT_BAND_AMOUNTS' = ANY (rules);
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
UPDATE measures SET rules = array_remove(rules, 'RESULT_BAND_AMOUNTS') WHERE 'RESULT_BAND_AMOUNTS' = ANY (rules);
DELETE FROM rule_codes WHERE code = 'RESULT_BAND_AMOUNTS';
REVOKE INSERT (${COLUMNS.join(', ')}), UPDATE (${COLUMNS.join(', ')}) ON measures FROM reti_admin;
ALTER TABLE measures ${COLUMNS.map((c) => `DROP COLUMN ${c}`).join(', ')};
`);
  }
}
