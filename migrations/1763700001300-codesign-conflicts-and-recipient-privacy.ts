import { MigrationInterface, QueryRunner } from 'typeorm';

/** codesign_ranking as 1763700000902 wrote it, for down(). */
const RANKING_BEFORE = `
CREATE OR REPLACE FUNCTION codesign_ranking(the_call_id uuid)
RETURNS TABLE (proposal_id uuid, lead_legal_name text, title text, status text, total numeric, scored_criteria integer, criteria integer, rank integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  WITH the_call AS (
    SELECT c.tenant_id, c.id FROM codesign_calls c
    WHERE c.id = the_call_id
      AND (c.tenant_id = app_tenant_id() OR app_all_tenants() OR (c.status = 'AWARDED' AND app_tenant_kind() = 'THIRD_SECTOR_BODY'))
  ), per_criterion AS (
    SELECT s.proposal_id, s.criterion_id, avg(s.score) AS mean
    FROM codesign_scores s JOIN the_call ON s.tenant_id = the_call.tenant_id AND s.call_id = the_call.id
    GROUP BY s.proposal_id, s.criterion_id
  ), totals AS (
    SELECT p.id, p.lead_legal_name, p.title, p.status, round(coalesce(sum(pc.mean), 0), 2) AS total, count(pc.criterion_id)::int AS scored,
      (SELECT count(*)::int FROM codesign_criteria k WHERE k.tenant_id = the_call.tenant_id AND k.call_id = the_call.id) AS criteria
    FROM the_call JOIN codesign_proposals p ON p.call_tenant_id = the_call.tenant_id AND p.call_id = the_call.id AND p.status <> 'DRAFT'
    LEFT JOIN per_criterion pc ON pc.proposal_id = p.id
    GROUP BY the_call.tenant_id, the_call.id, p.id, p.lead_legal_name, p.title, p.status
  )
  SELECT id, lead_legal_name, title, status, total, scored, criteria, (rank() OVER (ORDER BY total DESC))::int FROM totals
  ORDER BY total DESC, lead_legal_name
$$;`;

/**
 * The ranking counts only scores free of conflict (codesign_conflict), re-checked when it is read;
 * before the award it is the Ambito's alone, afterwards public to the bodies and to those who read
 * every tenant.
 */
const RANKING_AFTER = `
CREATE OR REPLACE FUNCTION codesign_ranking(the_call_id uuid)
RETURNS TABLE (proposal_id uuid, lead_legal_name text, title text, status text, total numeric, scored_criteria integer, criteria integer, rank integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  WITH the_call AS (
    SELECT c.tenant_id, c.id FROM codesign_calls c
    WHERE c.id = the_call_id
      AND (c.tenant_id = app_tenant_id() OR (c.status = 'AWARDED' AND (app_all_tenants() OR app_tenant_kind() = 'THIRD_SECTOR_BODY')))
  ), per_criterion AS (
    SELECT s.proposal_id, s.criterion_id, avg(s.score) AS mean
    FROM codesign_scores s JOIN the_call ON s.tenant_id = the_call.tenant_id AND s.call_id = the_call.id
    WHERE codesign_conflict(s.tenant_id, s.call_id, s.evaluator_id, s.proposal_tenant_id, s.proposal_id) IS NULL
    GROUP BY s.proposal_id, s.criterion_id
  ), totals AS (
    SELECT p.id, p.lead_legal_name, p.title, p.status, round(coalesce(sum(pc.mean), 0), 2) AS total, count(pc.criterion_id)::int AS scored,
      (SELECT count(*)::int FROM codesign_criteria k WHERE k.tenant_id = the_call.tenant_id AND k.call_id = the_call.id) AS criteria
    FROM the_call JOIN codesign_proposals p ON p.call_tenant_id = the_call.tenant_id AND p.call_id = the_call.id AND p.status <> 'DRAFT'
    LEFT JOIN per_criterion pc ON pc.proposal_id = p.id
    GROUP BY the_call.tenant_id, the_call.id, p.id, p.lead_legal_name, p.title, p.status
  )
  SELECT id, lead_legal_name, title, status, total, scored, criteria, (rank() OVER (ORDER BY total DESC))::int FROM totals
  ORDER BY total DESC, lead_legal_name
$$;`;

/** exclusive_overlaps as 1763700000700 left it, for down(). */
const OVERLAPS_BEFORE = `
DROP FUNCTION exclusive_overlaps(uuid[]);
CREATE FUNCTION exclusive_overlaps(network_ids uuid[])
RETURNS TABLE (network_id uuid, enrolment_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
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
        AND NOT EXISTS (
          SELECT 1 FROM measure_compatibilities c
          WHERE (c.measure_id = mine_n.measure_id AND c.compatible_measure_id = other_n.measure_id)
             OR (c.measure_id = other_n.measure_id AND c.compatible_measure_id = mine_n.measure_id))
        AND daterange(other.enrolled_on, coalesce(other.ended_on, other_n.end_date), '[]')
            && daterange(mine.enrolled_on, coalesce(mine.ended_on, mine_n.end_date), '[]'))
$$;
REVOKE ALL ON FUNCTION exclusive_overlaps(uuid[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION exclusive_overlaps(uuid[]) TO reti_app, reti_admin;`;

/** Distinct periods a tenant may test one person against other tenants' enrolments in a day. */
export const EXCLUSIVITY_PROBES_PER_DAY = 4;

/**
 * Issue 21, findings 3, 4 and 5 and its last paragraph:
 * - An evaluator's appointment and affiliation are the Ambito's: an evaluator cannot create, change
 *   or remove their own row, and nobody can once the call is closed (scores come only after that).
 *   A score is in conflict when its evaluator is affiliated with the proposing body or with a body
 *   the proposal brings as partner (known by the tax codes that body leads proposals with);
 *   codesign_conflict says so, scores in conflict are refused, left out of the ranking, and the
 *   award is refused while any remains.
 * - Drafts are their body's until submitted, scores the Ambito's until the award: those who read
 *   every tenant see neither before.
 * - The recipients' keyed hash never leaves the database: audit rows no longer carry it (a trigger
 *   on audit_events strips it, whatever writes the row) and the rows written so far are scrubbed.
 * - Exclusivity across tenants compares the other enrolment with the whole period of the caller's
 *   network, never with the caller's enrolment dates, so moving an enrolment's dates reveals
 *   nothing; each distinct period tested against another tenant's enrolment is recorded (and so
 *   audited), and more than EXCLUSIVITY_PROBES_PER_DAY from draft networks (whose dates move
 *   freely) for one person in a day are refused.
 */
export class CodesignConflictsAndRecipientPrivacy1763700001300 implements MigrationInterface {
  name = 'CodesignConflictsAndRecipientPrivacy1763700001300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
CREATE FUNCTION audit_scrub() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  NEW.before := NEW.before - 'recipient_hash';
  NEW.after := NEW.after - 'recipient_hash';
  RETURN NEW;
END $$;
CREATE TRIGGER audit_scrub BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_scrub();
-- The owner is subject to audit_events' policies (which allow no UPDATE) unless they are lifted for the scrub.
ALTER TABLE audit_events NO FORCE ROW LEVEL SECURITY;
UPDATE audit_events SET before = before - 'recipient_hash', after = after - 'recipient_hash'
WHERE before ? 'recipient_hash' OR after ? 'recipient_hash';
ALTER TABLE audit_events FORCE ROW LEVEL SECURITY;

-- Why a score (evaluator, proposal) is in conflict, or NULL. Asked about another's call before its award, it answers NULL.
CREATE FUNCTION codesign_conflict(call_tenant uuid, the_call_id uuid, evaluator uuid, proposal_tenant uuid, the_proposal_id uuid) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT CASE
    WHEN e.id IS NULL THEN 'NOT_AN_EVALUATOR'
    WHEN e.affiliated_body_id IS NULL THEN NULL
    WHEN e.affiliated_body_id = p.tenant_id THEN 'OWN_BODY_PROPOSAL'
    WHEN EXISTS (
      SELECT 1 FROM codesign_proposals body_proposal
      WHERE body_proposal.tenant_id = e.affiliated_body_id
        AND (body_proposal.lead_tax_code = p.lead_tax_code
             OR body_proposal.lead_tax_code IN (SELECT pp.tax_code FROM codesign_proposal_partners pp WHERE pp.tenant_id = p.tenant_id AND pp.proposal_id = p.id)))
      THEN 'PARTNER_BODY_PROPOSAL'
  END
  FROM codesign_proposals p
  LEFT JOIN codesign_evaluators e ON e.tenant_id = call_tenant AND e.call_id = the_call_id AND e.user_id = evaluator
  WHERE p.tenant_id = proposal_tenant AND p.id = the_proposal_id AND p.call_tenant_id = call_tenant AND p.call_id = the_call_id
    AND (call_tenant = app_tenant_id() OR app_all_tenants()
         OR EXISTS (SELECT 1 FROM codesign_calls c WHERE c.tenant_id = call_tenant AND c.id = the_call_id AND c.status = 'AWARDED'))
$$;
REVOKE ALL ON FUNCTION codesign_conflict(uuid, uuid, uuid, uuid, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION codesign_conflict(uuid, uuid, uuid, uuid, uuid) TO reti_app, reti_admin;

-- After codesign_score_guard (triggers fire by name), which has set the score's call, evaluator and proposal's tenant.
CREATE FUNCTION codesign_score_conflict() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  CASE codesign_conflict(NEW.tenant_id, NEW.call_id, NEW.evaluator_id, NEW.proposal_tenant_id, NEW.proposal_id)
    WHEN 'OWN_BODY_PROPOSAL' THEN
      PERFORM codesign_refuse('Un valutatore non può valutare la proposta del proprio ente.', 'An evaluator cannot score their own body''s proposal.', 'OWN_BODY_PROPOSAL');
    WHEN 'PARTNER_BODY_PROPOSAL' THEN
      PERFORM codesign_refuse('Un valutatore non può valutare una proposta di cui il proprio ente è partner.',
        'An evaluator cannot score a proposal their own body is a partner of.', 'PARTNER_BODY_PROPOSAL');
    WHEN 'NOT_AN_EVALUATOR' THEN
      PERFORM codesign_refuse('Solo i valutatori nominati per il bando assegnano punteggi.', 'Only the evaluators appointed for the call give scores.', 'NOT_AN_EVALUATOR');
    ELSE NULL;
  END CASE;
  RETURN NEW;
END $$;
CREATE TRIGGER codesign_score_guard_conflict BEFORE INSERT OR UPDATE ON codesign_scores FOR EACH ROW EXECUTE FUNCTION codesign_score_conflict();

-- The commission is the Ambito's: fixed once the call closes, and never changed by its own members.
CREATE FUNCTION codesign_evaluator_guard() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  row_data record := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  caller uuid := nullif(current_setting('app.user_id', true), '')::uuid;
BEGIN
  IF EXISTS (SELECT 1 FROM codesign_calls WHERE tenant_id = row_data.tenant_id AND id = row_data.call_id AND status IN ('CLOSED', 'AWARDED')) THEN
    PERFORM codesign_refuse('Il bando è chiuso: nomine e affiliazioni dei valutatori non cambiano più.',
      'The call is closed: the evaluators'' appointments and affiliations no longer change.', 'CALL_CLOSED');
  END IF;
  IF caller = row_data.user_id OR (TG_OP = 'UPDATE' AND caller = OLD.user_id) THEN
    PERFORM codesign_refuse('Un valutatore non può modificare la propria nomina né la propria affiliazione.',
      'An evaluator cannot change their own appointment or affiliation.', 'OWN_APPOINTMENT');
  END IF;
  RETURN row_data;
END $$;
CREATE TRIGGER codesign_evaluator_guard BEFORE INSERT OR UPDATE OR DELETE ON codesign_evaluators FOR EACH ROW EXECUTE FUNCTION codesign_evaluator_guard();

-- No award while a score in conflict stands, whatever path wrote it.
CREATE FUNCTION codesign_award_conflicts() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE found integer;
BEGIN
  SELECT count(*) INTO found FROM codesign_scores s
  WHERE s.tenant_id = NEW.tenant_id AND s.call_id = NEW.id
    AND codesign_conflict(s.tenant_id, s.call_id, s.evaluator_id, s.proposal_tenant_id, s.proposal_id) IS NOT NULL;
  IF found > 0 THEN
    PERFORM codesign_refuse(format('%s punteggi sono stati dati in conflitto di interessi: vanno eliminati prima dell''aggiudicazione.', found),
      format('%s scores were given under a conflict of interest: they must be removed before the award.', found), 'CONFLICTED_SCORES');
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER codesign_award_conflicts BEFORE UPDATE OF status ON codesign_calls FOR EACH ROW
  WHEN (NEW.status = 'AWARDED' AND OLD.status IS DISTINCT FROM 'AWARDED') EXECUTE FUNCTION codesign_award_conflicts();
${RANKING_AFTER}

DROP POLICY all_tenants_read ON codesign_proposals;
CREATE POLICY all_tenants_read ON codesign_proposals FOR SELECT USING (app_all_tenants() AND status <> 'DRAFT');
DROP POLICY all_tenants_read ON codesign_proposal_partners;
CREATE POLICY all_tenants_read ON codesign_proposal_partners FOR SELECT USING (app_all_tenants()
  AND EXISTS (SELECT 1 FROM codesign_proposals p WHERE p.tenant_id = codesign_proposal_partners.tenant_id AND p.id = codesign_proposal_partners.proposal_id));
DROP POLICY all_tenants_read ON codesign_actions;
CREATE POLICY all_tenants_read ON codesign_actions FOR SELECT USING (app_all_tenants()
  AND EXISTS (SELECT 1 FROM codesign_proposals p WHERE p.tenant_id = codesign_actions.tenant_id AND p.id = codesign_actions.proposal_id));
DROP POLICY all_tenants_read ON codesign_scores;
CREATE POLICY all_tenants_read ON codesign_scores FOR SELECT USING (app_all_tenants()
  AND EXISTS (SELECT 1 FROM codesign_calls c WHERE c.tenant_id = codesign_scores.tenant_id AND c.id = codesign_scores.call_id AND c.status = 'AWARDED'));

-- Each period a tenant tested one person against other tenants' enrolments: counted, and audited by the trigger.
CREATE TABLE exclusivity_probes (
  tenant_id uuid NOT NULL CONSTRAINT fk_exclusivity_probes__tenant_id REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  recipient_hash text NOT NULL,
  network_id uuid NOT NULL,
  enrolment_id uuid NOT NULL,
  period daterange NOT NULL,
  overlap boolean NOT NULL,
  -- Tested from a draft network, whose dates move freely: what the cap counts.
  draft boolean NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  CONSTRAINT uq_exclusivity_probes__period UNIQUE (tenant_id, recipient_hash, period)
);
CREATE INDEX ix_exclusivity_probes__at ON exclusivity_probes (tenant_id, recipient_hash, at);
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON exclusivity_probes FOR EACH ROW EXECUTE FUNCTION audit_row();
ALTER TABLE exclusivity_probes ENABLE ROW LEVEL SECURITY;
ALTER TABLE exclusivity_probes FORCE ROW LEVEL SECURITY;

DROP FUNCTION exclusive_overlaps(uuid[]);
CREATE FUNCTION exclusive_overlaps(network_ids uuid[])
RETURNS TABLE (network_id uuid, enrolment_id uuid)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  writable boolean := current_setting('transaction_read_only') = 'off';
  r record;
  tested integer;
BEGIN
  FOR r IN
    SELECT mine.tenant_id, mine.id, mine.network_id, mine.recipient_hash, daterange(mine_n.start_date, mine_n.end_date, '[]') AS period,
      mine_n.status = 'DRAFT' AS draft,
      bool_or(CASE WHEN other.tenant_id = mine.tenant_id
        THEN daterange(other.enrolled_on, coalesce(other.ended_on, other_n.end_date), '[]') && daterange(mine.enrolled_on, coalesce(mine.ended_on, mine_n.end_date), '[]')
        -- Another tenant's enrolment meets the whole period of the caller's network: the caller's own dates tell nothing.
        ELSE daterange(other.enrolled_on, coalesce(other.ended_on, other_n.end_date), '[]') && daterange(mine_n.start_date, mine_n.end_date, '[]') END) AS overlap,
      bool_or(other.tenant_id <> mine.tenant_id) AS elsewhere,
      bool_or(other.tenant_id <> mine.tenant_id AND daterange(other.enrolled_on, coalesce(other.ended_on, other_n.end_date), '[]') && daterange(mine_n.start_date, mine_n.end_date, '[]')) AS overlap_elsewhere
    FROM recipient_enrolments mine
    JOIN networks mine_n ON mine_n.tenant_id = mine.tenant_id AND mine_n.id = mine.network_id
    JOIN recipient_enrolments other ON other.recipient_hash = mine.recipient_hash AND other.network_id <> mine.network_id
    JOIN networks other_n ON other_n.tenant_id = other.tenant_id AND other_n.id = other.network_id
    WHERE mine.network_id = ANY (network_ids)
      AND (mine.tenant_id = app_tenant_id() OR app_all_tenants())
      AND other_n.status NOT IN ('WITHDRAWN')
      AND NOT EXISTS (
        SELECT 1 FROM measure_compatibilities c
        WHERE (c.measure_id = mine_n.measure_id AND c.compatible_measure_id = other_n.measure_id)
           OR (c.measure_id = other_n.measure_id AND c.compatible_measure_id = mine_n.measure_id))
    GROUP BY mine.tenant_id, mine.id, mine.network_id, mine.recipient_hash, mine_n.start_date, mine_n.end_date, mine_n.status
  LOOP
    -- Read-only transactions (analysts, a replica) cannot move dates, hence cannot probe; those who
    -- read every tenant see the other enrolment anyway.
    IF r.elsewhere AND writable AND r.tenant_id = app_tenant_id() AND NOT EXISTS (
        SELECT 1 FROM exclusivity_probes p WHERE p.tenant_id = r.tenant_id AND p.recipient_hash = r.recipient_hash AND p.period = r.period) THEN
      -- Only draft networks count: a person's enrolments in the tenant's running networks are no probe.
      SELECT count(*) INTO tested FROM exclusivity_probes p
      WHERE p.tenant_id = r.tenant_id AND p.recipient_hash = r.recipient_hash AND p.draft AND p.at > now() - interval '1 day';
      IF r.draft AND tested >= ${EXCLUSIVITY_PROBES_PER_DAY} THEN
        RAISE EXCEPTION USING ERRCODE = 'RT001',
          MESSAGE = format('Troppe verifiche di esclusività per lo stesso destinatario con periodi diversi (al massimo %s al giorno): riprovare domani.', ${EXCLUSIVITY_PROBES_PER_DAY}),
          DETAIL = format('Too many exclusivity checks of one recipient against different periods (at most %s a day): try again tomorrow.', ${EXCLUSIVITY_PROBES_PER_DAY}),
          HINT = 'TOO_MANY_EXCLUSIVITY_CHECKS';
      END IF;
      INSERT INTO exclusivity_probes (tenant_id, recipient_hash, network_id, enrolment_id, period, overlap, draft)
      VALUES (r.tenant_id, r.recipient_hash, r.network_id, r.id, r.period, r.overlap_elsewhere, r.draft);
    END IF;
    IF r.overlap THEN
      network_id := r.network_id;
      enrolment_id := r.id;
      RETURN NEXT;
    END IF;
  END LOOP;
END $$;
REVOKE ALL ON FUNCTION exclusive_overlaps(uuid[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION exclusive_overlaps(uuid[]) TO reti_app, reti_admin;
GRANT SELECT ON exclusivity_probes TO reti_app, reti_admin;
CREATE POLICY tenant_isolation ON exclusivity_probes USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
CREATE POLICY all_tenants_read ON exclusivity_probes FOR SELECT USING (app_all_tenants());
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
${OVERLAPS_BEFORE}
DROP TABLE exclusivity_probes;
DROP POLICY all_tenants_read ON codesign_proposals;
DROP POLICY all_tenants_read ON codesign_proposal_partners;
DROP POLICY all_tenants_read ON codesign_actions;
DROP POLICY all_tenants_read ON codesign_scores;
CREATE POLICY all_tenants_read ON codesign_proposals FOR SELECT USING (app_all_tenants());
CREATE POLICY all_tenants_read ON codesign_proposal_partners FOR SELECT USING (app_all_tenants());
CREATE POLICY all_tenants_read ON codesign_actions FOR SELECT USING (app_all_tenants());
CREATE POLICY all_tenants_read ON codesign_scores FOR SELECT USING (app_all_tenants());
${RANKING_BEFORE}
DROP TRIGGER codesign_award_conflicts ON codesign_calls;
DROP FUNCTION codesign_award_conflicts();
DROP TRIGGER codesign_evaluator_guard ON codesign_evaluators;
DROP FUNCTION codesign_evaluator_guard();
DROP TRIGGER codesign_score_guard_conflict ON codesign_scores;
DROP FUNCTION codesign_score_conflict();
DROP FUNCTION codesign_conflict(uuid, uuid, uuid, uuid, uuid);
DROP TRIGGER audit_scrub ON audit_events;
DROP FUNCTION audit_scrub();
`);
  }
}
