import { MigrationInterface, QueryRunner } from 'typeorm';

/** The value list of outside_policies: measures kept outside the registry that seeds 000 and 003 name, and any other. */
const OUTSIDE_POLICIES = ['DOTE_UNICA_LAVORO', 'GARANZIA_GIOVANI', 'OTHER_PUBLIC_POLICY'];

const RULE_CODES: [code: string, it: string, en: string, measures: string[]][] = [
  // Seed 000: the unemployed of Fase II are "cessati da rapporto di lavoro di tipo subordinato".
  ['SUBORDINATE_PREVIOUS_CONTRACT', 'Disoccupati cessati da lavoro subordinato', 'Unemployed from subordinate employment', ['AZIONI_RETE_FASE_II']],
  // Seeds 000 and 002: "Disoccupati, residenti o domiciliati in Regione Lombardia".
  ['RESIDENCE_IN_LOMBARDY', 'Disoccupati residenti o domiciliati in Lombardia', 'Unemployed resident or domiciled in Lombardy', ['AZIONI_RETE_FASE_II', 'AZIONI_RETE_LAVORO']],
  // Seeds 000 and 003: not at the same time in "Dote Unica Lavoro, Programma Garanzia Giovani".
  ['EXCLUSIVE_POLICY_OUTSIDE', 'Esclusività rispetto alle misure esterne al registro', 'Exclusive of measures outside the registry', ['AZIONI_RETE_FASE_II', 'RETE_RICOLLOCAZIONE_GOL_P5']],
];
const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * Three requirements of the recipients the documents state and no rule read: the previous contract
 * and the residence of Fase II's unemployed, and the participation a recipient declares at enrolment
 * in measures the registry does not keep (a coarse value list, no dates, nothing that identifies).
 */
export class FaseTwoRecipientRules1763700002100 implements MigrationInterface {
  name = 'FaseTwoRecipientRules1763700002100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
INSERT INTO rule_codes (code, label_it, label_en, owner) VALUES
${RULE_CODES.map(([code, it, en]) => `  (${quote(code)}, ${quote(it)}, ${quote(en)}, 'recipient')`).join(',\n')};
${RULE_CODES.map(([code, , , measures]) => `UPDATE measures SET rules = rules || ARRAY[${quote(code)}] WHERE code IN (${measures.map(quote).join(', ')}) AND NOT ${quote(code)} = ANY (rules);`).join('\n')}
ALTER TABLE recipient_enrolments ADD COLUMN outside_policies text[] NOT NULL DEFAULT '{}'
  CONSTRAINT ck_recipient_enrolments__outside_policies CHECK (outside_policies <@ ARRAY[${OUTSIDE_POLICIES.map(quote).join(', ')}]::text[] AND array_position(outside_policies, NULL) IS NULL);
COMMENT ON COLUMN recipient_enrolments.outside_policies IS 'Active-labour-policy measures outside the registry the recipient declared taking part in at enrolment (EXCLUSIVE_POLICY_OUTSIDE).';
GRANT INSERT (outside_policies), UPDATE (outside_policies) ON recipient_enrolments TO reti_app, reti_admin;
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
REVOKE INSERT (outside_policies), UPDATE (outside_policies) ON recipient_enrolments FROM reti_app, reti_admin;
ALTER TABLE recipient_enrolments DROP COLUMN outside_policies;
${RULE_CODES.map(([code]) => `UPDATE measures SET rules = array_remove(rules, ${quote(code)}) WHERE ${quote(code)} = ANY (rules);`).join('\n')}
DELETE FROM rule_codes WHERE code IN (${RULE_CODES.map(([code]) => quote(code)).join(', ')});
`);
  }
}
