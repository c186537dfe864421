import { MigrationInterface, QueryRunner } from 'typeorm';

const KEY = 'tenant_id, measure_id, fund_source_id, kind, status, year';

/** The rollup's rows computed from the allocations themselves: the rebuild below, and what tests check the triggers against. */
export const ALLOCATION_TOTALS_FROM_BASE = `
  SELECT a.tenant_id, n.measure_id, a.fund_source_id, a.kind, a.status, extract(year FROM a.allocated_on)::int AS year,
         sum(a.amount) AS amount, count(*)::int AS count
  FROM allocations a
  JOIN networks n ON n.tenant_id = a.tenant_id AND n.id = a.network_id
  GROUP BY 1, 2, 3, 4, 5, 6`;

/**
 * allocation_totals: the allocations summed by every key that allocationTotals groups or filters
 * on without looking at single rows (tenant, the network's measure, fund source, kind, status,
 * year), so that grouped totals read a few thousand rows instead of every allocation.
 *
 * Exact by construction: triggers on allocations, and on networks when a network changes measure,
 * add each change's signed amounts in the writer's own transaction. A key is only ever touched by
 * INSERT … ON CONFLICT DO UPDATE SET amount = amount + EXCLUDED.amount, keys in one order, so
 * concurrent writers neither lose an update nor deadlock on each other; a key whose count falls to
 * zero is deleted, so no empty group shows. The trigger functions run as the owner: the app roles
 * read the rollup under the same row-level security as allocations and cannot write it.
 */
export class AllocationTotals1763700000200 implements MigrationInterface {
  name = 'AllocationTotals1763700000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
CREATE TABLE allocation_totals (
  tenant_id uuid NOT NULL,
  measure_id uuid NOT NULL,
  fund_source_id uuid NOT NULL,
  kind text NOT NULL,
  status text NOT NULL,
  year integer NOT NULL,
  amount numeric NOT NULL,
  count integer NOT NULL,
  PRIMARY KEY (${KEY})
);

-- Adds signed changes to their keys, then deletes the keys left with no allocation.
CREATE FUNCTION allocation_totals_add(changes allocation_totals[]) RETURNS void LANGUAGE plpgsql SET search_path = public AS $$
BEGIN
  INSERT INTO allocation_totals AS total
  SELECT ${KEY}, sum(amount), sum(count) FROM unnest(changes)
  GROUP BY ${KEY}
  HAVING sum(amount) <> 0 OR sum(count) <> 0
  ORDER BY ${KEY}
  ON CONFLICT (${KEY}) DO UPDATE SET amount = total.amount + EXCLUDED.amount, count = total.count + EXCLUDED.count;
  DELETE FROM allocation_totals total USING unnest(changes) change
  WHERE (total.tenant_id, total.measure_id, total.fund_source_id, total.kind, total.status, total.year)
      = (change.tenant_id, change.measure_id, change.fund_source_id, change.kind, change.status, change.year)
    AND total.count = 0;
END $$;

-- The allocations a statement removed (old) and added (new), keyed by their network's measure.
-- Their networks are locked FOR KEY SHARE first (as a foreign key check does; ordinary network
-- updates do not wait for it): a network changing measure takes FOR UPDATE, so it either commits
-- before, and its new measure is read here, or waits for this transaction and then moves these
-- allocations too.
CREATE FUNCTION allocation_totals_apply(old_rows allocations[], new_rows allocations[]) RETURNS void LANGUAGE plpgsql SET search_path = public AS $$
BEGIN
  PERFORM FROM networks n
  WHERE (n.tenant_id, n.id) IN (SELECT tenant_id, network_id FROM unnest(old_rows || new_rows))
  ORDER BY n.tenant_id, n.id
  FOR KEY SHARE OF n;
  PERFORM allocation_totals_add(ARRAY(
    SELECT ROW(a.tenant_id, n.measure_id, a.fund_source_id, a.kind, a.status, extract(year FROM a.allocated_on)::int, a.sign * a.amount, a.sign)::allocation_totals
    FROM (SELECT *, -1 AS sign FROM unnest(old_rows) UNION ALL SELECT *, 1 FROM unnest(new_rows)) a
    JOIN networks n ON n.tenant_id = a.tenant_id AND n.id = a.network_id));
END $$;

CREATE FUNCTION allocation_totals_on_allocations() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  old_rows allocations[] := '{}';
  new_rows allocations[] := '{}';
BEGIN
  -- Transition tables exist only for the events that define them.
  IF TG_OP <> 'INSERT' THEN old_rows := ARRAY(SELECT o FROM old_allocations o); END IF;
  IF TG_OP <> 'DELETE' THEN new_rows := ARRAY(SELECT n FROM new_allocations n); END IF;
  PERFORM allocation_totals_apply(old_rows, new_rows);
  RETURN NULL;
END $$;

CREATE FUNCTION allocation_totals_on_networks() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM FROM networks WHERE tenant_id = NEW.tenant_id AND id = NEW.id FOR UPDATE;
  PERFORM allocation_totals_add(ARRAY(
    SELECT ROW(a.tenant_id, m.measure_id, a.fund_source_id, a.kind, a.status, extract(year FROM a.allocated_on)::int, m.sign * a.amount, m.sign)::allocation_totals
    FROM allocations a CROSS JOIN (VALUES (OLD.measure_id, -1), (NEW.measure_id, 1)) m (measure_id, sign)
    WHERE a.tenant_id = NEW.tenant_id AND a.network_id = NEW.id));
  RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION allocation_totals_add(allocation_totals[]), allocation_totals_apply(allocations[], allocations[]),
  allocation_totals_on_allocations(), allocation_totals_on_networks() FROM PUBLIC;

-- Built while no allocation or network can change, then kept by the triggers.
LOCK TABLE allocations, networks IN SHARE MODE;
INSERT INTO allocation_totals ${ALLOCATION_TOTALS_FROM_BASE};
CREATE TRIGGER allocation_totals_insert AFTER INSERT ON allocations REFERENCING NEW TABLE AS new_allocations
  FOR EACH STATEMENT EXECUTE FUNCTION allocation_totals_on_allocations();
CREATE TRIGGER allocation_totals_update AFTER UPDATE ON allocations REFERENCING OLD TABLE AS old_allocations NEW TABLE AS new_allocations
  FOR EACH STATEMENT EXECUTE FUNCTION allocation_totals_on_allocations();
CREATE TRIGGER allocation_totals_delete AFTER DELETE ON allocations REFERENCING OLD TABLE AS old_allocations
  FOR EACH STATEMENT EXECUTE FUNCTION allocation_totals_on_allocations();
CREATE TRIGGER allocation_totals_measure AFTER UPDATE OF measure_id ON networks
  FOR EACH ROW WHEN (OLD.measure_id IS DISTINCT FROM NEW.measure_id) EXECUTE FUNCTION allocation_totals_on_networks();

GRANT SELECT ON allocation_totals TO reti_app, reti_admin;
ALTER TABLE allocation_totals ENABLE ROW LEVEL SECURITY;
ALTER TABLE allocation_totals FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON allocation_totals USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
CREATE POLICY all_tenants_read ON allocation_totals FOR SELECT USING (app_all_tenants());
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
DROP TRIGGER allocation_totals_measure ON networks;
DROP TRIGGER allocation_totals_insert ON allocations;
DROP TRIGGER allocation_totals_update ON allocations;
DROP TRIGGER allocation_totals_delete ON allocations;
DROP FUNCTION allocation_totals_on_networks(), allocation_totals_on_allocations(),
  allocation_totals_apply(allocations[], allocations[]), allocation_totals_add(allocation_totals[]);
DROP TABLE allocation_totals;
`);
  }
}
