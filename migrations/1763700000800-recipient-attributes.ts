import { MigrationInterface, QueryRunner } from 'typeorm';

const COLUMNS = ['aid_band', 'residence_municipality_id', 'previous_contract', 'relocation_allowance', 'hours_reduction'];

/**
 * What the rules and the analysts need to know of a recipient, and no more (data minimisation):
 * coarse categories, nothing that identifies a person by itself. The codice fiscale stays a keyed hash.
 */
export class RecipientAttributes1763700000800 implements MigrationInterface {
  name = 'RecipientAttributes1763700000800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
ALTER TABLE recipient_enrolments
  ADD COLUMN aid_band smallint CONSTRAINT ck_recipient_enrolments__aid_band CHECK (aid_band BETWEEN 1 AND 4),
  ADD COLUMN residence_municipality_id uuid CONSTRAINT fk_recipient_enrolments__residence_municipality_id REFERENCES municipalities (id),
  ADD COLUMN previous_contract text CONSTRAINT ck_recipient_enrolments__previous_contract CHECK (previous_contract IN ('SUBORDINATE', 'OTHER')),
  ADD COLUMN relocation_allowance boolean NOT NULL DEFAULT false,
  ADD COLUMN hours_reduction text CONSTRAINT ck_recipient_enrolments__hours_reduction CHECK (hours_reduction IN ('UP_TO_30', 'OVER_30'));
GRANT INSERT (${COLUMNS.join(', ')}), UPDATE (${COLUMNS.join(', ')}) ON recipient_enrolments TO reti_app, reti_admin;
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
REVOKE INSERT (${COLUMNS.join(', ')}), UPDATE (${COLUMNS.join(', ')}) ON recipient_enrolments FROM reti_app, reti_admin;
ALTER TABLE recipient_enrolments ${COLUMNS.map((c) => `DROP COLUMN ${c}`).join(', ')};
`);
  }
}
