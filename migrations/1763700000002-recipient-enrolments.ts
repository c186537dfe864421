import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Recipients enrolled in networks, kept without exposing them: only a keyed hash of the codice
 * fiscale (HMAC-SHA256, the key stays in the server's configuration), the kind and the dates.
 */
export class RecipientEnrolments1763700000002 implements MigrationInterface {
  name = 'RecipientEnrolments1763700000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
CREATE TABLE recipient_enrolments (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  network_id uuid NOT NULL,
  recipient_hash text NOT NULL CONSTRAINT ck_recipient_enrolments__recipient_hash CHECK (recipient_hash ~ '^[0-9a-f]{64}$'),
  kind text NOT NULL CONSTRAINT ck_recipient_enrolments__kind CHECK (kind IN ('SUSPENDED', 'UNEMPLOYED')),
  enrolled_on date NOT NULL,
  ended_on date,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  CONSTRAINT fk_recipient_enrolments__network_id FOREIGN KEY (tenant_id, network_id) REFERENCES networks (tenant_id, id) ON DELETE CASCADE,
  CONSTRAINT uq_recipient_enrolments__recipient_hash UNIQUE (tenant_id, network_id, recipient_hash),
  CONSTRAINT ck_recipient_enrolments__ended_on CHECK (ended_on >= enrolled_on)
);
CREATE INDEX ix_recipient_enrolments__recipient_hash ON recipient_enrolments (recipient_hash);
CREATE INDEX ix_recipient_enrolments__network_id ON recipient_enrolments (tenant_id, network_id);
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON recipient_enrolments FOR EACH ROW EXECUTE FUNCTION audit_row();
GRANT SELECT, INSERT, UPDATE, DELETE ON recipient_enrolments TO reti_app, reti_admin;
ALTER TABLE recipient_enrolments ENABLE ROW LEVEL SECURITY;
ALTER TABLE recipient_enrolments FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON recipient_enrolments USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
CREATE POLICY all_tenants_read ON recipient_enrolments FOR SELECT USING (app_all_tenants());

-- EXCLUSIVE_POLICY spans tenants. For the networks the caller may see, returns which of their
-- enrolments overlap an enrolment of the same recipient in another network of an exclusive
-- measure, in any tenant. It reveals nothing of the other enrolment: no network, no tenant.
CREATE FUNCTION exclusive_overlaps(network_ids uuid[])
RETURNS TABLE (network_id uuid, enrolment_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT mine.network_id, mine.id
  FROM recipient_enrolments mine
  JOIN networks mine_n ON mine_n.tenant_id = mine.tenant_id AND mine_n.id = mine.network_id
  WHERE mine.network_id = ANY (network_ids)
    AND (mine.tenant_id = app_tenant_id() OR app_all_tenants())
    AND EXISTS (
      SELECT 1
      FROM recipient_enrolments other
      JOIN networks other_n ON other_n.tenant_id = other.tenant_id AND other_n.id = other.network_id
      JOIN measures m ON m.id = other_n.measure_id
      WHERE other.recipient_hash = mine.recipient_hash
        AND other.network_id <> mine.network_id
        AND other_n.status NOT IN ('WITHDRAWN')
        AND 'EXCLUSIVE_POLICY' = ANY (m.rules)
        AND daterange(other.enrolled_on, coalesce(other.ended_on, other_n.end_date), '[]')
            && daterange(mine.enrolled_on, coalesce(mine.ended_on, mine_n.end_date), '[]'))
$$;
REVOKE ALL ON FUNCTION exclusive_overlaps(uuid[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION exclusive_overlaps(uuid[]) TO reti_app, reti_admin;
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
DROP FUNCTION exclusive_overlaps(uuid[]);
DROP TABLE recipient_enrolments;
`);
  }
}
