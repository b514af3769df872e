-- Reconciliation store throughput (issue 8). A full run writes every result row again (a million claims give
-- about 2.5 million rows of incidents, members, figures and totals), and PostgreSQL checks a foreign key row by
-- row: a query and a row lock on the referenced row each time. The keys to reconciliation_runs (valid_from_run,
-- valid_to_run of incidents, side_totals, flags) and to incidents (incident_members, incident_figures) doubled
-- the time of the binary COPY that writes them (444,000 totals: 2.5 s with the keys, 1.2 s without). They are
-- checked here once per statement instead, over all the rows it wrote (transition tables), with the same error
-- code (23503); deleting a run that rows still name is refused, and deleting incidents still deletes their
-- members and figures, as the keys did. Same trade-off as 0006: no row locks on the referenced rows, and nothing
-- in the application deletes runs or incidents; TRUNCATE fires no delete triggers (TRUNCATE incidents is no longer
-- refused, and leaves members and figures behind).
ALTER TABLE incidents
    DROP CONSTRAINT incidents_valid_from_run_fkey,
    DROP CONSTRAINT incidents_valid_to_run_fkey;
ALTER TABLE side_totals
    DROP CONSTRAINT side_totals_valid_from_run_fkey,
    DROP CONSTRAINT side_totals_valid_to_run_fkey;
ALTER TABLE flags
    DROP CONSTRAINT flags_valid_from_run_fkey,
    DROP CONSTRAINT flags_valid_to_run_fkey;
ALTER TABLE incident_members DROP CONSTRAINT incident_members_incident_id_fkey;
ALTER TABLE incident_figures DROP CONSTRAINT incident_figures_incident_id_fkey;

-- Result rows name existing runs (incidents, side_totals, flags).
CREATE FUNCTION check_result_runs() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    missing bigint;
BEGIN
    SELECT n.run INTO missing
    FROM (SELECT DISTINCT valid_from_run AS run FROM new_rows
          UNION SELECT DISTINCT valid_to_run FROM new_rows WHERE valid_to_run IS NOT NULL) n
    WHERE NOT EXISTS (SELECT FROM reconciliation_runs r WHERE r.run_id = n.run)
    LIMIT 1;
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION '%: run % is not in reconciliation_runs', TG_TABLE_NAME, missing USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;

-- Members and figures name existing incidents.
CREATE FUNCTION check_result_incidents() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    missing bigint;
BEGIN
    SELECT n.incident_id INTO missing
    FROM (SELECT DISTINCT incident_id FROM new_rows) n
    WHERE NOT EXISTS (SELECT FROM incidents i WHERE i.incident_id = n.incident_id)
    LIMIT 1;
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION '%: incident_id % is not in incidents', TG_TABLE_NAME, missing USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;

DO $$
DECLARE
    result_table text;
BEGIN
    FOREACH result_table IN ARRAY ARRAY['incidents', 'side_totals', 'flags'] LOOP
        EXECUTE format('CREATE TRIGGER %1$s_runs_inserted AFTER INSERT ON %1$I REFERENCING NEW TABLE AS new_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION check_result_runs()', result_table);
        EXECUTE format('CREATE TRIGGER %1$s_runs_updated AFTER UPDATE ON %1$I REFERENCING NEW TABLE AS new_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION check_result_runs()', result_table);
    END LOOP;
    FOREACH result_table IN ARRAY ARRAY['incident_members', 'incident_figures'] LOOP
        EXECUTE format('CREATE TRIGGER %1$s_incidents_inserted AFTER INSERT ON %1$I REFERENCING NEW TABLE AS new_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION check_result_incidents()', result_table);
        EXECUTE format('CREATE TRIGGER %1$s_incidents_updated AFTER UPDATE ON %1$I REFERENCING NEW TABLE AS new_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION check_result_incidents()', result_table);
    END LOOP;
END $$;

-- Deleting a run that result rows still name is refused, as the keys did.
CREATE FUNCTION refuse_referenced_run_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT FROM old_rows o JOIN incidents i ON o.run_id IN (i.valid_from_run, i.valid_to_run))
       OR EXISTS (SELECT FROM old_rows o JOIN side_totals t ON o.run_id IN (t.valid_from_run, t.valid_to_run))
       OR EXISTS (SELECT FROM old_rows o JOIN flags f ON o.run_id IN (f.valid_from_run, f.valid_to_run)) THEN
        RAISE EXCEPTION 'cannot delete from reconciliation_runs: result rows still reference the runs'
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER reconciliation_runs_referenced AFTER DELETE ON reconciliation_runs REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_referenced_run_delete();

-- Deleting incidents deletes their members and figures (the keys' ON DELETE CASCADE).
CREATE FUNCTION delete_incident_details() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM incident_members m USING old_rows o WHERE m.incident_id = o.incident_id;
    DELETE FROM incident_figures f USING old_rows o WHERE f.incident_id = o.incident_id;
    RETURN NULL;
END $$;
CREATE TRIGGER incidents_deleted AFTER DELETE ON incidents REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION delete_incident_details();
