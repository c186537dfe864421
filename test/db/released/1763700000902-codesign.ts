import { MigrationInterface, QueryRunner } from 'typeorm';

const SECTIONS = ['recipient_types', 'territorial_needs', 'general_objectives', 'specific_objectives', 'activities', 'timing',
  'human_resources', 'network_actors', 'expected_outputs', 'monitoring_tools'];
const RULES = `'MIN_PARTNERS', 'ONE_LEAD', 'LEAD_TYPE', 'PROVINCE_AND_CPI', 'MAX_COMPANIES', 'RECIPIENTS_RANGE',
    'DURATION', 'TIER_CAP', 'FUND_BUDGET', 'PER_RECIPIENT_CAPS', 'EXCLUSIVE_POLICY', 'RECIPIENT_ELIGIBILITY'`;

/** Columns each app role may write, per table: the database sets ids, versions, timestamps and what the triggers derive. */
const WRITABLE: Record<string, { insert: string[]; update: string[] }> = {
  codesign_calls: {
    insert: ['tenant_id', 'code', 'title', 'object', 'general_objectives', 'specific_objectives', 'resources', 'budget', 'target_group_ids', 'deadline'],
    update: ['code', 'title', 'object', 'general_objectives', 'specific_objectives', 'resources', 'budget', 'target_group_ids', 'deadline',
      'status', 'award_act_number', 'award_act_date', 'network_id', 'updated_at'],
  },
  codesign_criteria: { insert: ['tenant_id', 'call_id', 'name', 'weight', 'position'], update: ['name', 'weight', 'position', 'updated_at'] },
  codesign_evaluators: { insert: ['tenant_id', 'call_id', 'user_id', 'affiliated_body_id'], update: ['affiliated_body_id', 'updated_at'] },
  codesign_proposals: {
    insert: ['tenant_id', 'call_id', 'title', 'lead_legal_name', 'lead_tax_code', 'summary'],
    update: ['title', 'lead_legal_name', 'lead_tax_code', 'summary', 'status', 'updated_at'],
  },
  codesign_proposal_partners: {
    insert: ['tenant_id', 'proposal_id', 'legal_name', 'tax_code', 'partner_type_id', 'contribution'],
    update: ['legal_name', 'tax_code', 'partner_type_id', 'contribution', 'updated_at'],
  },
  codesign_actions: { insert: ['tenant_id', 'proposal_id', 'title', 'position', ...SECTIONS], update: ['title', 'position', ...SECTIONS, 'updated_at'] },
  codesign_scores: { insert: ['tenant_id', 'proposal_id', 'criterion_id', 'score', 'reason'], update: ['score', 'reason', 'updated_at'] },
};
const TABLES = Object.keys(WRITABLE);
const RESIDENCE_MARK = 'Residence municipality, added by the co-design migration';

/**
 * Co-design under art. 55 D.Lgs. 117/2017 (seed 004): the Ambito's call (istruttoria pubblica)
 * with its weighted criteria and evaluators, the proposals third-sector bodies write (partners,
 * actions with the ten sections of the seed's schema), the evaluators' scores.
 *
 * Who sees what is row-level security:
 * - calls and criteria belong to the Ambito; bodies read them once published;
 * - proposals, their partners and actions belong to the body that writes them; the Ambito that
 *   published the call reads them once submitted; other bodies never (the ranking after the award
 *   is the one public part, through codesign_ranking);
 * - evaluators and scores belong to the Ambito alone.
 * The rules of the procedure are triggers, so no path around the API breaks them; they refuse with
 * SQLSTATE RT001, an Italian message, the English in DETAIL and the reason's code in HINT.
 * Steps that cross tenants (closing the call moves its proposals to evaluation, the award gives
 * them their outcome) run in SECURITY DEFINER functions that check the caller owns the call.
 */
export class Codesign1763700000902 implements MigrationInterface {
  name = 'Codesign1763700000902';

  async up(q: QueryRunner): Promise<void> {
    const sectionColumns = SECTIONS.map((s) => `${s} text CONSTRAINT ck_codesign_actions__${s} CHECK (length(${s}) <= 10000)`).join(',\n  ');
    const blankSections = SECTIONS.map((s, i) => `CASE WHEN coalesce(btrim(a.${s}), '') = '' THEN ${i + 1} END`).join(', ');
    await q.query(`
ALTER TABLE measures DROP CONSTRAINT ck_measures__rules;
ALTER TABLE measures ADD CONSTRAINT ck_measures__rules CHECK (rules <@ ARRAY[${RULES}, 'RESIDENCE_IN_AMBITO']::text[]);
UPDATE measures SET rules = array_append(rules, 'RESIDENCE_IN_AMBITO') WHERE code = 'COPROGETTAZIONE_ART55' AND NOT 'RESIDENCE_IN_AMBITO' = ANY (rules);

CREATE FUNCTION codesign_refuse(message text, message_en text, reason text) RETURNS void LANGUAGE plpgsql
SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'RT001', MESSAGE = message, DETAIL = message_en, HINT = reason;
END $$;

CREATE FUNCTION codesign_when(at timestamptz) RETURNS text LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS
$$ SELECT to_char(at AT TIME ZONE 'Europe/Rome', 'DD/MM/YYYY "alle" HH24:MI') $$;

CREATE TABLE codesign_calls (
  tenant_id uuid NOT NULL CONSTRAINT fk_codesign_calls__tenant_id REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  code text NOT NULL CONSTRAINT ck_codesign_calls__code CHECK (code ~ '^[A-Za-z0-9_./-]{1,40}$'),
  title text NOT NULL CONSTRAINT ck_codesign_calls__title CHECK (length(title) BETWEEN 1 AND 300),
  object text NOT NULL CONSTRAINT ck_codesign_calls__object CHECK (length(object) BETWEEN 1 AND 10000),
  general_objectives text CONSTRAINT ck_codesign_calls__general_objectives CHECK (length(general_objectives) <= 10000),
  specific_objectives text CONSTRAINT ck_codesign_calls__specific_objectives CHECK (length(specific_objectives) <= 10000),
  resources text CONSTRAINT ck_codesign_calls__resources CHECK (length(resources) <= 10000),
  budget numeric(14,2) CONSTRAINT ck_codesign_calls__budget CHECK (budget > 0),
  target_group_ids uuid[] NOT NULL DEFAULT '{}',
  deadline timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'DRAFT' CONSTRAINT ck_codesign_calls__status CHECK (status IN ('DRAFT', 'PUBLISHED', 'CLOSED', 'AWARDED')),
  published_at timestamptz,
  award_act_number text CONSTRAINT ck_codesign_calls__award_act_number CHECK (length(award_act_number) BETWEEN 1 AND 100),
  award_act_date date,
  network_id uuid,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  CONSTRAINT uq_codesign_calls__code UNIQUE (tenant_id, code),
  CONSTRAINT fk_codesign_calls__network_id FOREIGN KEY (tenant_id, network_id) REFERENCES networks (tenant_id, id),
  CONSTRAINT ck_codesign_calls__status_award CHECK (status <> 'AWARDED' OR (award_act_number IS NOT NULL AND award_act_date IS NOT NULL AND network_id IS NOT NULL))
);

CREATE TABLE codesign_criteria (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  call_id uuid NOT NULL,
  name text NOT NULL CONSTRAINT ck_codesign_criteria__name CHECK (length(name) BETWEEN 1 AND 500),
  weight integer NOT NULL CONSTRAINT ck_codesign_criteria__weight CHECK (weight BETWEEN 1 AND 100),
  position integer NOT NULL DEFAULT 1,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  CONSTRAINT fk_codesign_criteria__call_id FOREIGN KEY (tenant_id, call_id) REFERENCES codesign_calls (tenant_id, id) ON DELETE CASCADE,
  CONSTRAINT uq_codesign_criteria__name UNIQUE (tenant_id, call_id, name)
);

CREATE TABLE codesign_evaluators (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  call_id uuid NOT NULL,
  user_id uuid NOT NULL CONSTRAINT fk_codesign_evaluators__user_id REFERENCES users (id),
  affiliated_body_id uuid CONSTRAINT fk_codesign_evaluators__affiliated_body_id REFERENCES tenants (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  CONSTRAINT fk_codesign_evaluators__call_id FOREIGN KEY (tenant_id, call_id) REFERENCES codesign_calls (tenant_id, id) ON DELETE CASCADE,
  CONSTRAINT uq_codesign_evaluators__user_id UNIQUE (tenant_id, call_id, user_id)
);

CREATE TABLE codesign_proposals (
  tenant_id uuid NOT NULL CONSTRAINT fk_codesign_proposals__tenant_id REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  call_tenant_id uuid NOT NULL,
  call_id uuid NOT NULL,
  title text NOT NULL CONSTRAINT ck_codesign_proposals__title CHECK (length(title) BETWEEN 1 AND 300),
  lead_legal_name text NOT NULL CONSTRAINT ck_codesign_proposals__lead_legal_name CHECK (length(lead_legal_name) BETWEEN 1 AND 300),
  lead_tax_code text NOT NULL CONSTRAINT ck_codesign_proposals__lead_tax_code CHECK (lead_tax_code ~ '^([0-9]{11}|[A-Z0-9]{16})$'),
  summary text CONSTRAINT ck_codesign_proposals__summary CHECK (length(summary) <= 10000),
  status text NOT NULL DEFAULT 'DRAFT' CONSTRAINT ck_codesign_proposals__status CHECK (status IN ('DRAFT', 'SUBMITTED', 'UNDER_EVALUATION', 'SELECTED', 'NOT_SELECTED')),
  submitted_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  CONSTRAINT fk_codesign_proposals__call_id FOREIGN KEY (call_tenant_id, call_id) REFERENCES codesign_calls (tenant_id, id),
  CONSTRAINT uq_codesign_proposals__call_id UNIQUE (tenant_id, call_id)
);
CREATE INDEX ix_codesign_proposals__call_id ON codesign_proposals (call_tenant_id, call_id);

CREATE TABLE codesign_proposal_partners (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  call_tenant_id uuid NOT NULL,
  proposal_id uuid NOT NULL,
  legal_name text NOT NULL CONSTRAINT ck_codesign_proposal_partners__legal_name CHECK (length(legal_name) BETWEEN 1 AND 300),
  tax_code text NOT NULL CONSTRAINT ck_codesign_proposal_partners__tax_code CHECK (tax_code ~ '^([0-9]{11}|[A-Z0-9]{16})$'),
  partner_type_id uuid NOT NULL CONSTRAINT fk_codesign_proposal_partners__partner_type_id REFERENCES partner_types (id),
  contribution text CONSTRAINT ck_codesign_proposal_partners__contribution CHECK (length(contribution) <= 5000),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  CONSTRAINT fk_codesign_proposal_partners__proposal_id FOREIGN KEY (tenant_id, proposal_id) REFERENCES codesign_proposals (tenant_id, id) ON DELETE CASCADE,
  CONSTRAINT uq_codesign_proposal_partners__tax_code UNIQUE (tenant_id, proposal_id, tax_code)
);

CREATE TABLE codesign_actions (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  call_tenant_id uuid NOT NULL,
  proposal_id uuid NOT NULL,
  title text NOT NULL CONSTRAINT ck_codesign_actions__title CHECK (length(title) BETWEEN 1 AND 300),
  position integer NOT NULL DEFAULT 1,
  ${sectionColumns},
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  CONSTRAINT fk_codesign_actions__proposal_id FOREIGN KEY (tenant_id, proposal_id) REFERENCES codesign_proposals (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_codesign_actions__proposal_id ON codesign_actions (tenant_id, proposal_id);

CREATE TABLE codesign_scores (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  call_id uuid NOT NULL,
  proposal_tenant_id uuid NOT NULL,
  proposal_id uuid NOT NULL,
  criterion_id uuid NOT NULL,
  evaluator_id uuid NOT NULL CONSTRAINT fk_codesign_scores__evaluator_id REFERENCES users (id),
  score numeric(5,2) NOT NULL CONSTRAINT ck_codesign_scores__score CHECK (score >= 0),
  reason text NOT NULL CONSTRAINT ck_codesign_scores__reason CHECK (length(btrim(reason)) BETWEEN 1 AND 5000),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  CONSTRAINT fk_codesign_scores__call_id FOREIGN KEY (tenant_id, call_id) REFERENCES codesign_calls (tenant_id, id),
  CONSTRAINT fk_codesign_scores__proposal_id FOREIGN KEY (proposal_tenant_id, proposal_id) REFERENCES codesign_proposals (tenant_id, id),
  CONSTRAINT fk_codesign_scores__criterion_id FOREIGN KEY (tenant_id, criterion_id) REFERENCES codesign_criteria (tenant_id, id),
  CONSTRAINT uq_codesign_scores__criterion_id UNIQUE (tenant_id, proposal_id, criterion_id, evaluator_id)
);
CREATE INDEX ix_codesign_scores__proposal_id ON codesign_scores (proposal_tenant_id, proposal_id);

-- The call: its content is fixed once published; each step of its workflow has its condition.
CREATE FUNCTION codesign_call_guard() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE weights integer;
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'DRAFT' THEN
      PERFORM codesign_refuse('Solo un bando in bozza si può eliminare.', 'Only a draft call can be deleted.', 'CALL_NOT_DRAFT');
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status <> 'DRAFT' AND (to_jsonb(NEW) - ARRAY['status', 'published_at', 'award_act_number', 'award_act_date', 'network_id', 'version', 'updated_at'])
      IS DISTINCT FROM (to_jsonb(OLD) - ARRAY['status', 'published_at', 'award_act_number', 'award_act_date', 'network_id', 'version', 'updated_at']) THEN
    PERFORM codesign_refuse('Il bando è già stato pubblicato: il suo contenuto non si può più modificare.',
      'The call has been published: its content can no longer change.', 'CALL_NOT_DRAFT');
  END IF;
  IF NEW.status IS DISTINCT FROM OLD.status THEN
    IF (OLD.status, NEW.status) NOT IN (('DRAFT', 'PUBLISHED'), ('PUBLISHED', 'CLOSED'), ('CLOSED', 'AWARDED')) THEN
      PERFORM codesign_refuse(format('Un bando %s non può passare a %s.', OLD.status, NEW.status),
        format('A %s call cannot become %s.', OLD.status, NEW.status), 'INVALID_TRANSITION');
    END IF;
    IF NEW.status = 'PUBLISHED' THEN
      SELECT coalesce(sum(weight), 0) INTO weights FROM codesign_criteria WHERE tenant_id = NEW.tenant_id AND call_id = NEW.id;
      IF weights <> 100 THEN
        PERFORM codesign_refuse(format('I pesi dei criteri di valutazione sommano a %s, devono sommare a 100.', weights),
          format('The evaluation criteria weigh %s in all; they must add up to 100.', weights), 'WEIGHTS_NOT_100');
      END IF;
      IF cardinality(NEW.target_group_ids) = 0 THEN
        PERFORM codesign_refuse('Indicare almeno un gruppo di destinatari prima di pubblicare il bando.',
          'Name at least one target group before publishing the call.', 'NO_TARGET_GROUPS');
      END IF;
      IF NEW.deadline <= now() THEN
        PERFORM codesign_refuse(format('La scadenza (%s) è già passata: non si può pubblicare il bando.', codesign_when(NEW.deadline)),
          format('The deadline (%s) has passed: the call cannot be published.', NEW.deadline), 'PAST_DEADLINE');
      END IF;
      NEW.published_at := now();
    ELSIF NEW.status = 'CLOSED' AND now() < NEW.deadline THEN
      PERFORM codesign_refuse(format('Il bando si chiude dopo la scadenza per le proposte (%s).', codesign_when(NEW.deadline)),
        format('The call closes after the deadline for proposals (%s).', NEW.deadline), 'BEFORE_DEADLINE');
    END IF;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER codesign_call_guard BEFORE UPDATE OR DELETE ON codesign_calls FOR EACH ROW EXECUTE FUNCTION codesign_call_guard();

-- Closing the call puts every submitted proposal under evaluation: they belong to the bodies, so
-- this runs as the owner, for the call that the caller's own update has just closed.
CREATE FUNCTION codesign_call_closed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  UPDATE codesign_proposals SET status = 'UNDER_EVALUATION'
  WHERE call_tenant_id = NEW.tenant_id AND call_id = NEW.id AND status = 'SUBMITTED';
  RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION codesign_call_closed() FROM PUBLIC;
CREATE TRIGGER codesign_call_closed AFTER UPDATE OF status ON codesign_calls FOR EACH ROW
  WHEN (NEW.status = 'CLOSED' AND OLD.status = 'PUBLISHED') EXECUTE FUNCTION codesign_call_closed();

-- Criteria and evaluators change only while the call is a draft, or (evaluators) until it is awarded.
CREATE FUNCTION codesign_call_part_guard() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  row_data record := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  call_status text;
BEGIN
  SELECT status INTO call_status FROM codesign_calls WHERE tenant_id = row_data.tenant_id AND id = row_data.call_id;
  IF TG_TABLE_NAME = 'codesign_criteria' AND call_status <> 'DRAFT' THEN
    PERFORM codesign_refuse('I criteri di valutazione si modificano solo finché il bando è in bozza.',
      'Evaluation criteria change only while the call is a draft.', 'CALL_NOT_DRAFT');
  ELSIF call_status = 'AWARDED' THEN
    PERFORM codesign_refuse('Il bando è aggiudicato: la commissione non cambia più.', 'The call has been awarded: its evaluators no longer change.', 'CALL_AWARDED');
  END IF;
  RETURN row_data;
END $$;
CREATE TRIGGER codesign_call_part_guard BEFORE INSERT OR UPDATE OR DELETE ON codesign_criteria FOR EACH ROW EXECUTE FUNCTION codesign_call_part_guard();
CREATE TRIGGER codesign_call_part_guard BEFORE INSERT OR UPDATE OR DELETE ON codesign_evaluators FOR EACH ROW EXECUTE FUNCTION codesign_call_part_guard();

-- What only the owner's functions may do to a proposal (its outcome) is told apart by current_user.
CREATE FUNCTION codesign_by_app() RETURNS boolean LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS
$$ SELECT current_user IN ('reti_app', 'reti_admin') $$;

-- The proposal, written by its body: only into a published call before its deadline; submitted
-- only complete and on time; read-only afterwards.
CREATE FUNCTION codesign_proposal_guard() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  the_call record;
  missing text;
BEGIN
  IF NOT codesign_by_app() THEN RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END; END IF;
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'DRAFT' THEN
      PERFORM codesign_refuse('La proposta è stata presentata: non si può più eliminare.', 'The proposal has been submitted: it can no longer be deleted.', 'PROPOSAL_SUBMITTED');
    END IF;
    RETURN OLD;
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF app_tenant_kind() IS DISTINCT FROM 'THIRD_SECTOR_BODY' THEN
      PERFORM codesign_refuse('Le proposte le presentano gli enti del terzo settore.', 'Proposals are submitted by third-sector bodies.', 'NOT_A_THIRD_SECTOR_BODY');
    END IF;
    -- Row-level security shows a body published calls only.
    SELECT tenant_id, status, deadline INTO the_call FROM codesign_calls WHERE id = NEW.call_id;
    IF NOT FOUND OR the_call.status <> 'PUBLISHED' THEN
      PERFORM codesign_refuse('Il bando non è aperto alle proposte.', 'The call is not open for proposals.', 'CALL_NOT_OPEN');
    END IF;
    IF now() > the_call.deadline THEN
      PERFORM codesign_refuse(format('Il termine per le proposte è scaduto il %s.', codesign_when(the_call.deadline)),
        format('The deadline for proposals passed on %s.', the_call.deadline), 'PAST_DEADLINE');
    END IF;
    NEW.call_tenant_id := the_call.tenant_id;
    NEW.status := 'DRAFT';
    RETURN NEW;
  END IF;
  IF OLD.status <> 'DRAFT' THEN
    PERFORM codesign_refuse('La proposta è stata presentata: non si può più modificare.', 'The proposal has been submitted: it can no longer change.', 'PROPOSAL_SUBMITTED');
  END IF;
  IF NEW.status IS DISTINCT FROM OLD.status THEN
    IF NEW.status <> 'SUBMITTED' THEN
      PERFORM codesign_refuse(format('Un ente può solo presentare la propria proposta, non portarla a %s.', NEW.status),
        format('A body can only submit its proposal, not move it to %s.', NEW.status), 'INVALID_TRANSITION');
    END IF;
    SELECT status, deadline INTO the_call FROM codesign_calls WHERE tenant_id = NEW.call_tenant_id AND id = NEW.call_id;
    IF NOT FOUND OR the_call.status <> 'PUBLISHED' THEN
      PERFORM codesign_refuse('Il bando non è aperto alle proposte.', 'The call is not open for proposals.', 'CALL_NOT_OPEN');
    END IF;
    IF now() > the_call.deadline THEN
      PERFORM codesign_refuse(format('Il termine per le proposte è scaduto il %s.', codesign_when(the_call.deadline)),
        format('The deadline for proposals passed on %s.', the_call.deadline), 'PAST_DEADLINE');
    END IF;
    IF NOT EXISTS (SELECT 1 FROM codesign_actions WHERE tenant_id = NEW.tenant_id AND proposal_id = NEW.id) THEN
      PERFORM codesign_refuse('La proposta è incompleta: descrivere almeno un''azione.', 'The proposal is incomplete: describe at least one action.', 'INCOMPLETE_PROPOSAL');
    END IF;
    SELECT string_agg(format('«%s»: sezioni %s', a.title, array_to_string(array_remove(ARRAY[${blankSections}], NULL), ', ')), '; ' ORDER BY a.position, a.title)
    INTO missing
    FROM codesign_actions a
    WHERE a.tenant_id = NEW.tenant_id AND a.proposal_id = NEW.id AND cardinality(array_remove(ARRAY[${blankSections}], NULL)) > 0;
    IF missing IS NOT NULL THEN
      PERFORM codesign_refuse(format('La proposta è incompleta. Mancano, per azione, %s.', missing),
        format('The proposal is incomplete. Missing, per action: %s.', missing), 'INCOMPLETE_PROPOSAL');
    END IF;
    NEW.submitted_at := now();
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER codesign_proposal_guard BEFORE INSERT OR UPDATE OR DELETE ON codesign_proposals FOR EACH ROW EXECUTE FUNCTION codesign_proposal_guard();

-- A proposal's partners and actions change with it, while it is a draft; they take its Ambito.
CREATE FUNCTION codesign_proposal_part_guard() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  row_data record := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  proposal record;
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.proposal_id <> OLD.proposal_id THEN
    PERFORM codesign_refuse('Una parte di una proposta non passa a un''altra proposta.', 'A part of a proposal cannot move to another proposal.', 'INVALID_TRANSITION');
  END IF;
  SELECT status, call_tenant_id INTO proposal FROM codesign_proposals WHERE tenant_id = row_data.tenant_id AND id = row_data.proposal_id;
  IF NOT FOUND THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    PERFORM codesign_refuse('Proposta non trovata.', 'Proposal not found.', 'PROPOSAL_NOT_FOUND');
  END IF;
  IF proposal.status <> 'DRAFT' THEN
    PERFORM codesign_refuse('La proposta è stata presentata: non si può più modificare.', 'The proposal has been submitted: it can no longer change.', 'PROPOSAL_SUBMITTED');
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  NEW.call_tenant_id := proposal.call_tenant_id;
  RETURN NEW;
END $$;
CREATE TRIGGER codesign_proposal_part_guard BEFORE INSERT OR UPDATE OR DELETE ON codesign_proposal_partners FOR EACH ROW EXECUTE FUNCTION codesign_proposal_part_guard();
CREATE TRIGGER codesign_proposal_part_guard BEFORE INSERT OR UPDATE OR DELETE ON codesign_actions FOR EACH ROW EXECUTE FUNCTION codesign_proposal_part_guard();

-- A score: by an evaluator of the call (the signed-in user), on a proposal under evaluation,
-- within the criterion's weight, never on the proposal of the evaluator's own body.
CREATE FUNCTION codesign_score_guard() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  row_data record := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  evaluator uuid := nullif(current_setting('app.user_id', true), '')::uuid;
  proposal record;
  criterion record;
  appointed record;
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.evaluator_id IS DISTINCT FROM evaluator THEN
    PERFORM codesign_refuse('Un punteggio lo cambia solo il valutatore che lo ha dato.', 'Only the evaluator who gave a score may change it.', 'NOT_YOUR_SCORE');
  END IF;
  SELECT p.tenant_id, p.call_id, p.status, c.status AS call_status INTO proposal
  FROM codesign_proposals p JOIN codesign_calls c ON c.tenant_id = p.call_tenant_id AND c.id = p.call_id
  WHERE p.call_tenant_id = row_data.tenant_id AND p.id = row_data.proposal_id;
  IF NOT FOUND THEN
    PERFORM codesign_refuse('Proposta non trovata tra quelle presentate ai bandi dell''ambito.', 'Proposal not found among those submitted to this tenant''s calls.', 'PROPOSAL_NOT_FOUND');
  END IF;
  IF proposal.call_status <> 'CLOSED' OR proposal.status <> 'UNDER_EVALUATION' THEN
    PERFORM codesign_refuse('Si valuta solo a bando chiuso, prima dell''aggiudicazione, una proposta in valutazione.',
      'Scores are given only once the call is closed and before the award, to proposals under evaluation.', 'EVALUATION_NOT_OPEN');
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  SELECT * INTO appointed FROM codesign_evaluators WHERE tenant_id = NEW.tenant_id AND call_id = proposal.call_id AND user_id = evaluator;
  IF NOT FOUND THEN
    PERFORM codesign_refuse('Solo i valutatori nominati per il bando assegnano punteggi.', 'Only the evaluators appointed for the call give scores.', 'NOT_AN_EVALUATOR');
  END IF;
  IF appointed.affiliated_body_id = proposal.tenant_id THEN
    PERFORM codesign_refuse('Un valutatore non può valutare la proposta del proprio ente.', 'An evaluator cannot score their own body''s proposal.', 'OWN_BODY_PROPOSAL');
  END IF;
  SELECT name, weight, call_id INTO criterion FROM codesign_criteria WHERE tenant_id = NEW.tenant_id AND id = NEW.criterion_id;
  IF NOT FOUND OR criterion.call_id <> proposal.call_id THEN
    PERFORM codesign_refuse('Il criterio non è tra quelli del bando.', 'The criterion is not one of the call''s.', 'CRITERION_NOT_OF_CALL');
  END IF;
  IF NEW.score > criterion.weight THEN
    PERFORM codesign_refuse(format('Il punteggio per «%s» va da 0 a %s.', criterion.name, criterion.weight),
      format('The score for "%s" ranges from 0 to %s.', criterion.name, criterion.weight), 'SCORE_OUT_OF_RANGE');
  END IF;
  NEW.call_id := proposal.call_id;
  NEW.proposal_tenant_id := proposal.tenant_id;
  NEW.evaluator_id := evaluator;
  RETURN NEW;
END $$;
CREATE TRIGGER codesign_score_guard BEFORE INSERT OR UPDATE OR DELETE ON codesign_scores FOR EACH ROW EXECUTE FUNCTION codesign_score_guard();

-- The award's outcome for every proposal under evaluation in the caller's closed call: selected
-- or not. The proposals belong to the bodies, hence SECURITY DEFINER; the call must be the caller's.
CREATE FUNCTION codesign_set_outcomes(the_call_id uuid, selected uuid[]) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE changed integer;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM codesign_calls WHERE tenant_id = app_tenant_id() AND id = the_call_id AND status = 'CLOSED') THEN
    PERFORM codesign_refuse('Si aggiudica solo un bando chiuso del proprio ente.', 'Only a closed call of one''s own tenant can be awarded.', 'CALL_NOT_CLOSED');
  END IF;
  IF cardinality(selected) = 0 OR EXISTS (
    SELECT 1 FROM unnest(selected) AS s(id)
    WHERE NOT EXISTS (SELECT 1 FROM codesign_proposals p WHERE p.call_tenant_id = app_tenant_id() AND p.call_id = the_call_id AND p.id = s.id AND p.status = 'UNDER_EVALUATION')) THEN
    PERFORM codesign_refuse('Si scelgono una o più proposte tra quelle in valutazione per il bando.', 'Choose one or more of the proposals under evaluation for the call.', 'NOT_UNDER_EVALUATION');
  END IF;
  UPDATE codesign_proposals SET status = CASE WHEN id = ANY (selected) THEN 'SELECTED' ELSE 'NOT_SELECTED' END
  WHERE call_tenant_id = app_tenant_id() AND call_id = the_call_id AND status = 'UNDER_EVALUATION';
  GET DIAGNOSTICS changed = ROW_COUNT;
  RETURN changed;
END $$;

-- The ranking: each criterion's mean score over its evaluators, added up. The Ambito reads it at
-- any time; once the call is awarded it is public, to the bodies that can see the call.
CREATE FUNCTION codesign_ranking(the_call_id uuid)
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
$$;

DO $$
DECLARE f text;
BEGIN
  FOREACH f IN ARRAY ARRAY['codesign_set_outcomes(uuid, uuid[])', 'codesign_ranking(uuid)'] LOOP
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO reti_app, reti_admin', f);
  END LOOP;
END $$;

-- Recipients of a network whose measure has RESIDENCE_IN_AMBITO reside in one of its ambito's municipalities.
-- Recipients' attributes may bring the column first; the comment marks it as this migration's, for down().
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'recipient_enrolments' AND column_name = 'residence_municipality_id') THEN
    ALTER TABLE recipient_enrolments ADD COLUMN residence_municipality_id uuid
      CONSTRAINT fk_recipient_enrolments__residence_municipality_id REFERENCES municipalities (id);
    COMMENT ON COLUMN recipient_enrolments.residence_municipality_id IS '${RESIDENCE_MARK}';
  END IF;
END $$;
GRANT INSERT (residence_municipality_id), UPDATE (residence_municipality_id) ON recipient_enrolments TO reti_app, reti_admin;
CREATE FUNCTION recipient_residence_check() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM networks n JOIN measures m ON m.id = n.measure_id
             WHERE n.tenant_id = NEW.tenant_id AND n.id = NEW.network_id AND 'RESIDENCE_IN_AMBITO' = ANY (m.rules)) THEN
    IF NEW.residence_municipality_id IS NULL THEN
      PERFORM codesign_refuse('Per questa misura il destinatario deve indicare il comune di residenza.',
        'For this measure the recipient''s municipality of residence is required.', 'RESIDENCE_REQUIRED');
    END IF;
    IF NOT EXISTS (SELECT 1 FROM ambito_municipalities WHERE ambito_id = NEW.tenant_id AND municipality_id = NEW.residence_municipality_id) THEN
      PERFORM codesign_refuse('Il destinatario deve risiedere in uno dei comuni dell''ambito.',
        'The recipient must reside in one of the ambito''s municipalities.', 'RESIDENCE_OUTSIDE_AMBITO');
    END IF;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER recipient_residence_check BEFORE INSERT OR UPDATE ON recipient_enrolments FOR EACH ROW EXECUTE FUNCTION recipient_residence_check();

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['${TABLES.join("','")}'] LOOP
    EXECUTE format('CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION audit_row()', t);
    EXECUTE format('CREATE TRIGGER next_version BEFORE UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION next_version()', t);
    EXECUTE format('GRANT SELECT, DELETE ON %I TO reti_app, reti_admin', t);
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())', t);
    EXECUTE format('CREATE POLICY all_tenants_read ON %I FOR SELECT USING (app_all_tenants())', t);
  END LOOP;
END $$;
${TABLES.map((t) => `GRANT INSERT (${WRITABLE[t].insert.join(', ')}), UPDATE (${WRITABLE[t].update.join(', ')}) ON ${t} TO reti_app, reti_admin;`).join('\n')}

-- Bodies read published calls and their criteria; the Ambito reads submitted proposals to its calls, with their parts.
CREATE POLICY published_read ON codesign_calls FOR SELECT USING (status <> 'DRAFT' AND app_tenant_kind() = 'THIRD_SECTOR_BODY');
CREATE POLICY with_call_read ON codesign_criteria FOR SELECT USING (
  EXISTS (SELECT 1 FROM codesign_calls c WHERE c.tenant_id = codesign_criteria.tenant_id AND c.id = codesign_criteria.call_id));
CREATE POLICY ambito_read ON codesign_proposals FOR SELECT USING (call_tenant_id = app_tenant_id() AND status <> 'DRAFT');
CREATE POLICY ambito_read ON codesign_proposal_partners FOR SELECT USING (call_tenant_id = app_tenant_id()
  AND EXISTS (SELECT 1 FROM codesign_proposals p WHERE p.tenant_id = codesign_proposal_partners.tenant_id AND p.id = codesign_proposal_partners.proposal_id));
CREATE POLICY ambito_read ON codesign_actions FOR SELECT USING (call_tenant_id = app_tenant_id()
  AND EXISTS (SELECT 1 FROM codesign_proposals p WHERE p.tenant_id = codesign_actions.tenant_id AND p.id = codesign_actions.proposal_id));
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
DROP TRIGGER recipient_residence_check ON recipient_enrolments;
DROP FUNCTION recipient_residence_check();
DO $$ BEGIN
  IF col_description('recipient_enrolments'::regclass, (SELECT attnum FROM pg_attribute WHERE attrelid = 'recipient_enrolments'::regclass
       AND attname = 'residence_municipality_id' AND NOT attisdropped)) = '${RESIDENCE_MARK}' THEN
    ALTER TABLE recipient_enrolments DROP COLUMN residence_municipality_id;
  END IF;
END $$;
DROP TABLE codesign_scores, codesign_actions, codesign_proposal_partners, codesign_proposals, codesign_evaluators, codesign_criteria, codesign_calls;
DROP FUNCTION codesign_ranking(uuid), codesign_set_outcomes(uuid, uuid[]), codesign_score_guard(), codesign_proposal_part_guard(),
  codesign_proposal_guard(), codesign_by_app(), codesign_call_part_guard(), codesign_call_closed(), codesign_call_guard(),
  codesign_when(timestamptz), codesign_refuse(text, text, text);
UPDATE measures SET rules = array_remove(rules, 'RESIDENCE_IN_AMBITO');
ALTER TABLE measures DROP CONSTRAINT ck_measures__rules;
ALTER TABLE measures ADD CONSTRAINT ck_measures__rules CHECK (rules <@ ARRAY[${RULES}]::text[]);
`);
  }
}
