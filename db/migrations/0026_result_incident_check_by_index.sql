-- The statement-level check that members and figures name stored incidents (0010) probes incidents by its primary key
-- (issue 14). A dense partition is stored a chunk of runs at a time: a COPY of members and one of figures per chunk,
-- each checked over its rows. Knowing the transition table's rows, the planner may answer the NOT EXISTS with a hash
-- anti join over a sequential scan of all incidents: cheap for one COPY of everything (the I/O floor's), but a scan of
-- the whole table per chunk grows with the square of the results (5,000,000 dense claims: members 153 s and figures
-- 115 s to store, against 12.5 s and 8.3 s at 1,000,000). With hash and merge joins off for this function alone, each
-- distinct incident of the statement is one index probe, whatever the table's size. Same check, same error (23503);
-- CREATE OR REPLACE keeps the triggers.
CREATE OR REPLACE FUNCTION check_result_incidents() RETURNS trigger LANGUAGE plpgsql
SET enable_hashjoin = off SET enable_mergejoin = off AS $$
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
