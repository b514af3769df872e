-- Ingestion throughput, second pass (issue 5). Measured on 200,000 feed rows (COPY into claims, server time):
-- the row-level key claims.record_id → feed_records cost 0.7 s of 2.4 s, because PostgreSQL checks it row by row
-- and takes a share lock on each referenced feed record (a write to that record's page). It is checked here once
-- per statement instead, with the other references of 0006 in one pass over the new rows; deleting feed records
-- still deletes their claims (a statement-level trigger does the cascade). The key to documents stays (one
-- document's claims are few).
-- claims_ingest_run_idx and claims_source_idx served no query: only the delete guards of 0006 read them, and
-- deleting an ingest run or a source is rare enough to scan claims for it. Each cost about 0.1 s per 200,000 rows.
ALTER TABLE claims DROP CONSTRAINT claims_record_id_fkey;
DROP INDEX claims_ingest_run_idx;
DROP INDEX claims_source_idx;

-- One pass over the new rows groups the few distinct references; record ids are probed through feed_records'
-- primary key (a hash join would read the whole feed_records table for every batch, a cost that grows with it).
CREATE OR REPLACE FUNCTION check_claim_references() RETURNS trigger LANGUAGE plpgsql
    SET enable_hashjoin = off SET enable_mergejoin = off AS $$
DECLARE
    problem text;
BEGIN
    WITH used AS (
        SELECT victims, source_id, place_id, ingest_run_id FROM new_rows GROUP BY 1, 2, 3, 4
    )
    SELECT p INTO problem FROM (
        SELECT format('victims %L is not a victim group', u.victims) AS p
        FROM used u WHERE NOT EXISTS (SELECT FROM victim_groups g WHERE g.name = u.victims)
        UNION ALL
        SELECT format('source_id %s is not in sources', u.source_id)
        FROM used u WHERE u.source_id IS NOT NULL AND NOT EXISTS (SELECT FROM sources x WHERE x.id = u.source_id)
        UNION ALL
        SELECT format('place_id %s is not in places', u.place_id)
        FROM used u WHERE u.place_id IS NOT NULL AND NOT EXISTS (SELECT FROM places x WHERE x.id = u.place_id)
        UNION ALL
        SELECT format('ingest_run_id %s is not in ingest_runs', u.ingest_run_id)
        FROM used u WHERE u.ingest_run_id IS NOT NULL AND NOT EXISTS (SELECT FROM ingest_runs x WHERE x.id = u.ingest_run_id)
        UNION ALL
        SELECT format('record_id %s is not in feed_records', r.record_id)
        FROM (SELECT DISTINCT record_id FROM new_rows WHERE record_id IS NOT NULL) r
        WHERE NOT EXISTS (SELECT FROM feed_records f WHERE f.id = r.record_id)
    ) problems
    LIMIT 1;
    IF problem IS NOT NULL THEN
        RAISE EXCEPTION 'claims: %', problem USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION delete_claims_of_feed_records() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM claims c USING old_rows o WHERE c.record_id = o.id;
    RETURN NULL;
END $$;
CREATE TRIGGER feed_records_deleted AFTER DELETE ON feed_records REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION delete_claims_of_feed_records();
