-- A run split into queue jobs (issue 14): several workers reconcile different partitions of one run. The run's row
-- is written first (finished_at NULL); each part (one outcome, some countries) is one row here and one
-- `reconcile-part` job, done in its own transaction, which marks its row done; the part that finds every row done
-- finishes the run (counts of the current rows, statistics). A retaken part whose row is done does nothing again.
CREATE TABLE reconcile_run_parts (
    run_id        bigint NOT NULL REFERENCES reconciliation_runs (run_id) ON DELETE CASCADE,
    part          integer NOT NULL,
    outcome       text NOT NULL,
    countries     text[] NOT NULL,
    done_at       timestamptz,
    claims_read   integer NOT NULL DEFAULT 0,
    changed_rows  integer NOT NULL DEFAULT 0,
    PRIMARY KEY (run_id, part)
);

-- The order in which runs committed their state (a single-process run, or the finish of a split run): the counts of
-- the latest are what the next run adds its changes to. run_id is the order runs started in, not the one they ended in.
CREATE SEQUENCE reconcile_finish_order;
ALTER TABLE reconciliation_runs ADD COLUMN finish_order bigint;

-- Citus-ready where it costs nothing (issue 14, docs/scaling.md): the reconciliation partition key, outcome || ':' ||
-- country ('' for no country), the distribution column of the result tables, on every one of them — members and
-- figures had only their incident's id — written by the run's COPY. An incident key is unique per partition: keys are
-- 'outcome-lowest claim id' or a user's pinned key, so only a pinned key reused in two partitions names two incidents,
-- and the joins of v_incidents match them within their partition.
ALTER TABLE incidents ADD COLUMN partition_key text;
ALTER TABLE incident_members ADD COLUMN partition_key text;
ALTER TABLE incident_figures ADD COLUMN partition_key text;
ALTER TABLE side_totals ADD COLUMN partition_key text;
ALTER TABLE flags ADD COLUMN partition_key text;
UPDATE incidents SET partition_key = outcome || ':' || partition_country;
UPDATE incident_members m SET partition_key = i.partition_key FROM incidents i WHERE i.incident_id = m.incident_id;
UPDATE incident_figures f SET partition_key = i.partition_key FROM incidents i WHERE i.incident_id = f.incident_id;
UPDATE side_totals SET partition_key = outcome || ':' || partition_country;
UPDATE flags SET partition_key = outcome || ':' || partition_country;
ALTER TABLE incidents ALTER COLUMN partition_key SET NOT NULL;
ALTER TABLE incident_members ALTER COLUMN partition_key SET NOT NULL;
ALTER TABLE incident_figures ALTER COLUMN partition_key SET NOT NULL;
ALTER TABLE side_totals ALTER COLUMN partition_key SET NOT NULL;
ALTER TABLE flags ALTER COLUMN partition_key SET NOT NULL;

DROP INDEX incidents_current_key;
CREATE UNIQUE INDEX incidents_current_key ON incidents (partition_key, incident_key) WHERE valid_to_run IS NULL;

-- 0020's view, its joins within the partition (the same rows while keys are unique across partitions).
CREATE OR REPLACE VIEW v_incidents AS
SELECT i.incident_id,
       latest.run_id,
       i.kind, i.outcome, coalesce(p.name, i.place_name) AS place, i.place_key, country.name AS country,
       i.start_date, i.start_precision, i.end_date, i.end_precision, i.perpetrator_side, i.victims,
       i.low, i.best, i.high, i.has_consensus, i.consensus_low, i.consensus_high, i.source_count, i.claim_count,
       coalesce(flag_counts.flag_count, 0) AS flag_count,
       outer_incident.incident_id AS contained_in
FROM incidents i
CROSS JOIN (SELECT max(run_id) AS run_id FROM reconciliation_runs) latest
LEFT JOIN places p ON p.key = i.place_key
LEFT JOIN places country ON country.key = nullif(i.partition_country, '')
LEFT JOIN (SELECT f.partition_key, f.incident_key, count(*)::integer AS flag_count
           FROM flags f WHERE f.valid_to_run IS NULL
           GROUP BY f.partition_key, f.incident_key) flag_counts
       ON flag_counts.partition_key = i.partition_key AND flag_counts.incident_key = i.incident_key
LEFT JOIN incidents outer_incident
       ON outer_incident.valid_to_run IS NULL AND outer_incident.partition_key = i.partition_key
      AND outer_incident.incident_key = i.contained_in_key
WHERE i.valid_to_run IS NULL;
