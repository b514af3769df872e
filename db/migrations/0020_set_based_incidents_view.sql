-- v_incidents without per-row subqueries (issue 13): the same columns in the same order with the same values as
-- 0011's, computed by joins. Until now each incident counted its current flags and looked up the incident it is
-- contained in by a subquery of its own: one index probe per row for each, and a shape the planner could neither
-- reorder nor leave out when a query reads neither column. Now the current flags are counted once, grouped by
-- incident key, and joined; the containing incident is a join on the unique current incident key
-- (incidents_current_key), so it matches at most one row, as the subquery did. The latest run is one row joined to
-- every incident, as the scalar subquery was. CREATE OR REPLACE keeps casualties_reader's grant.
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
LEFT JOIN (SELECT f.incident_key, count(*)::integer AS flag_count
           FROM flags f WHERE f.valid_to_run IS NULL
           GROUP BY f.incident_key) flag_counts ON flag_counts.incident_key = i.incident_key
LEFT JOIN incidents outer_incident
       ON outer_incident.valid_to_run IS NULL AND outer_incident.incident_key = i.contained_in_key
WHERE i.valid_to_run IS NULL;
