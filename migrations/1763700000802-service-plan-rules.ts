import { MigrationInterface, QueryRunner } from 'typeorm';

const OLD_RULES = ['MIN_PARTNERS', 'ONE_LEAD', 'LEAD_TYPE', 'PROVINCE_AND_CPI', 'MAX_COMPANIES', 'RECIPIENTS_RANGE', 'DURATION', 'TIER_CAP', 'FUND_BUDGET', 'PER_RECIPIENT_CAPS', 'EXCLUSIVE_POLICY', 'RECIPIENT_ELIGIBILITY'];
const PLAN_RULES = ['PLAN_SERVICES', 'PHASE2_CHOICE', 'SERVICE_HOURS', 'RELOCATION_TRAINING_ONLY'];
const MEASURE_COLUMNS = ['min_guidance_services', 'min_intensive_services', 'max_phase2_alternatives', 'conditional_result_share'];
const TYPE_COLUMNS = ['training', 'result_kind'];
const list = (codes: string[]) => `ARRAY[${codes.map((c) => `'${c}'`).join(', ')}]::text[]`;

/**
 * The rules on recipients' plans, as parameters an administrator edits: on measures, how many
 * guidance and intensive-assistance services a plan needs, how many phase-2 alternatives a
 * recipient may take and the share of conditional services paid only on the result; on service
 * types, which are training (all an Assegno di Ricollocazione holder may receive) and which result
 * cap (placement or self-employment) bounds them. Fase II (seed 000) gets its figures and rules.
 */
export class ServicePlanRules1763700000802 implements MigrationInterface {
  name = 'ServicePlanRules1763700000802';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
ALTER TABLE measures
  DROP CONSTRAINT ck_measures__rules,
  ADD CONSTRAINT ck_measures__rules CHECK (rules <@ ${list([...OLD_RULES, ...PLAN_RULES])}),
  ADD COLUMN min_guidance_services integer CONSTRAINT ck_measures__min_guidance_services CHECK (min_guidance_services >= 0),
  ADD COLUMN min_intensive_services integer CONSTRAINT ck_measures__min_intensive_services CHECK (min_intensive_services >= 0),
  ADD COLUMN max_phase2_alternatives integer CONSTRAINT ck_measures__max_phase2_alternatives CHECK (max_phase2_alternatives >= 1),
  ADD COLUMN conditional_result_share numeric(5,4) CONSTRAINT ck_measures__conditional_result_share CHECK (conditional_result_share BETWEEN 0 AND 1);
GRANT INSERT (${MEASURE_COLUMNS.join(', ')}), UPDATE (${MEASURE_COLUMNS.join(', ')}) ON measures TO reti_admin;

ALTER TABLE service_types
  ADD COLUMN training boolean NOT NULL DEFAULT false,
  ADD COLUMN result_kind text CONSTRAINT ck_service_types__result_kind CHECK (result_kind IN ('PLACEMENT', 'SELF_EMPLOYMENT'));
GRANT INSERT (${TYPE_COLUMNS.join(', ')}), UPDATE (${TYPE_COLUMNS.join(', ')}) ON service_types TO reti_admin;

UPDATE measures SET rules = rules || ${list(PLAN_RULES)}, min_guidance_services = 1, min_intensive_services = 1,
  max_phase2_alternatives = 1, conditional_result_share = 0.30
WHERE code = 'AZIONI_RETE_FASE_II';
UPDATE service_types t SET training = t.code IN ('FORMAZIONE', 'FORMAZIONE_SPECIALIZZATA_VOUCHER'),
  result_kind = CASE t.code WHEN 'INSERIMENTO_LAVORO' THEN 'PLACEMENT' WHEN 'TIROCINIO' THEN 'PLACEMENT' WHEN 'AVVIO_IMPRESA' THEN 'SELF_EMPLOYMENT' END
FROM measures m WHERE m.id = t.measure_id AND m.code = 'AZIONI_RETE_FASE_II';
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
REVOKE INSERT (${TYPE_COLUMNS.join(', ')}), UPDATE (${TYPE_COLUMNS.join(', ')}) ON service_types FROM reti_admin;
ALTER TABLE service_types ${TYPE_COLUMNS.map((c) => `DROP COLUMN ${c}`).join(', ')};
REVOKE INSERT (${MEASURE_COLUMNS.join(', ')}), UPDATE (${MEASURE_COLUMNS.join(', ')}) ON measures FROM reti_admin;
UPDATE measures SET rules = ARRAY(SELECT r FROM unnest(rules) AS r WHERE r <> ALL (${list(PLAN_RULES)}));
ALTER TABLE measures
  ${MEASURE_COLUMNS.map((c) => `DROP COLUMN ${c}`).join(', ')},
  DROP CONSTRAINT ck_measures__rules,
  ADD CONSTRAINT ck_measures__rules CHECK (rules <@ ${list(OLD_RULES)});
`);
  }
}
