-- Ingestion throughput (issue 5). PostgreSQL checks a foreign key row by row (a query and a row lock on the
-- referenced row each time); on claims, five keys cost more than the rows themselves. The references to
-- victim_groups, sources, places and ingest_runs are checked here once per statement instead, over all the rows
-- it wrote (transition tables), with the same error code (23503); deleting a referenced row is refused the same
-- way. The keys to documents and feed_records (provenance, cascading deletes) stay, and so do all CHECK constraints.
-- Trade-off (docs/ingestion.md): no row locks on the referenced rows, so a delete of a victim group, source, place
-- or ingest run racing an uncommitted load is not seen by either check; nothing in the application deletes them.
ALTER TABLE claims
    DROP CONSTRAINT claims_victims_fkey,
    DROP CONSTRAINT claims_source_id_fkey,
    DROP CONSTRAINT claims_place_id_fkey,
    DROP CONSTRAINT claims_ingest_run_id_fkey;
ALTER TABLE feed_records
    DROP CONSTRAINT feed_records_ingest_run_id_fkey;

CREATE FUNCTION check_claim_references() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    problem text;
BEGIN
    SELECT p INTO problem FROM (
        SELECT format('victims %L is not a victim group', n.victims) AS p
        FROM (SELECT DISTINCT victims FROM new_rows) n
        WHERE NOT EXISTS (SELECT FROM victim_groups g WHERE g.name = n.victims)
        UNION ALL
        SELECT format('source_id %s is not in sources', n.source_id)
        FROM (SELECT DISTINCT source_id FROM new_rows WHERE source_id IS NOT NULL) n
        WHERE NOT EXISTS (SELECT FROM sources s WHERE s.id = n.source_id)
        UNION ALL
        SELECT format('place_id %s is not in places', n.place_id)
        FROM (SELECT DISTINCT place_id FROM new_rows WHERE place_id IS NOT NULL) n
        WHERE NOT EXISTS (SELECT FROM places p WHERE p.id = n.place_id)
        UNION ALL
        SELECT format('ingest_run_id %s is not in ingest_runs', n.ingest_run_id)
        FROM (SELECT DISTINCT ingest_run_id FROM new_rows WHERE ingest_run_id IS NOT NULL) n
        WHERE NOT EXISTS (SELECT FROM ingest_runs r WHERE r.id = n.ingest_run_id)
    ) problems
    LIMIT 1;
    IF problem IS NOT NULL THEN
        RAISE EXCEPTION 'claims: %', problem USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER claims_references_inserted AFTER INSERT ON claims REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION check_claim_references();
CREATE TRIGGER claims_references_updated AFTER UPDATE ON claims REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION check_claim_references();

CREATE FUNCTION check_feed_record_references() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    missing bigint;
BEGIN
    SELECT n.ingest_run_id INTO missing
    FROM (SELECT DISTINCT ingest_run_id FROM new_rows WHERE ingest_run_id IS NOT NULL) n
    WHERE NOT EXISTS (SELECT FROM ingest_runs r WHERE r.id = n.ingest_run_id)
    LIMIT 1;
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'feed_records: ingest_run_id % is not in ingest_runs', missing USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER feed_records_references_inserted AFTER INSERT ON feed_records REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION check_feed_record_references();
CREATE TRIGGER feed_records_references_updated AFTER UPDATE ON feed_records REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION check_feed_record_references();

-- Deleting a row that claims or feed records still reference is refused, as the keys did.
CREATE FUNCTION refuse_referenced_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    referenced boolean;
BEGIN
    -- IF, not CASE: each branch names columns only its own table has.
    IF TG_TABLE_NAME = 'victim_groups' THEN
        referenced := EXISTS (SELECT FROM old_rows o JOIN claims c ON c.victims = o.name);
    ELSIF TG_TABLE_NAME = 'sources' THEN
        referenced := EXISTS (SELECT FROM old_rows o JOIN claims c ON c.source_id = o.id);
    ELSIF TG_TABLE_NAME = 'places' THEN
        referenced := EXISTS (SELECT FROM old_rows o JOIN claims c ON c.place_id = o.id);
    ELSE
        referenced := EXISTS (SELECT FROM old_rows o JOIN claims c ON c.ingest_run_id = o.id)
                   OR EXISTS (SELECT FROM old_rows o JOIN feed_records f ON f.ingest_run_id = o.id);
    END IF;
    IF referenced THEN
        RAISE EXCEPTION 'cannot delete from %: claims or feed records still reference the rows', TG_TABLE_NAME
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER victim_groups_referenced AFTER DELETE ON victim_groups REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_referenced_delete();
CREATE TRIGGER sources_referenced AFTER DELETE ON sources REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_referenced_delete();
CREATE TRIGGER places_referenced AFTER DELETE ON places REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_referenced_delete();
CREATE TRIGGER ingest_runs_referenced AFTER DELETE ON ingest_runs REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_referenced_delete();
