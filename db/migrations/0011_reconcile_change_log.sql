-- Reconciliation (issue 14): a change log that follows commit order, and incidents at places known only by name.
--
-- Until now an incremental run recomputed the partitions of claims with an id above the previous run's largest,
-- and of reconcile_changes rows above its largest change id. Ids come from sequences when a row is inserted, not
-- when its transaction commits: an ingest that started before a run and committed after it had ids below that
-- run's watermark, and its claims were not reconciled until a full run. Now every write that changes what a
-- partition holds logs its (outcome, place_id) in reconcile_changes inside its own transaction — inserted claims
-- here, updated and deleted claims, retired dataset rows and edited overrides by the triggers of 0003 — and a run
-- consumes the log: it deletes the rows its snapshot sees, in its own transaction, and recomputes their
-- partitions. A row committed after the run's snapshot is neither seen nor deleted, so the next run takes it; a
-- run that fails rolls its deletions back. reconciliation_runs.claim_watermark and change_watermark are kept as
-- a record of the largest ids a run saw; nothing reads them any more.

CREATE FUNCTION log_claim_inserts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO reconcile_changes (outcome, place_id) SELECT DISTINCT outcome, place_id FROM new_rows;
    RETURN NULL;
END $$;
CREATE TRIGGER claims_inserted_logged AFTER INSERT ON claims REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION log_claim_inserts();

-- The old watermarks cannot tell which claims below them were committed after their run: once, every partition
-- that holds claims is logged, so the first incremental run after this migration recomputes them all.
DELETE FROM reconcile_changes;
INSERT INTO reconcile_changes (outcome, place_id)
SELECT DISTINCT outcome, place_id FROM claims WHERE EXISTS (SELECT FROM reconciliation_runs);

-- Claims whose place the gazetteer does not know are grouped by the place's name (normalised) inside the nearest
-- known place the claim carries; the incident keeps that name, and v_incidents shows it as its place.
ALTER TABLE incidents ADD COLUMN place_name text;

CREATE OR REPLACE VIEW v_incidents AS
SELECT i.incident_id,
       (SELECT max(run_id) FROM reconciliation_runs) AS run_id,
       i.kind, i.outcome, coalesce(p.name, i.place_name) AS place, i.place_key, country.name AS country,
       i.start_date, i.start_precision, i.end_date, i.end_precision, i.perpetrator_side, i.victims,
       i.low, i.best, i.high, i.has_consensus, i.consensus_low, i.consensus_high, i.source_count, i.claim_count,
       (SELECT count(*)::integer FROM flags f WHERE f.valid_to_run IS NULL AND f.incident_key = i.incident_key) AS flag_count,
       (SELECT o.incident_id FROM incidents o WHERE o.valid_to_run IS NULL AND o.incident_key = i.contained_in_key) AS contained_in
FROM incidents i
LEFT JOIN places p ON p.key = i.place_key
LEFT JOIN places country ON country.key = nullif(i.partition_country, '')
WHERE i.valid_to_run IS NULL;
