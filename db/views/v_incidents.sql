-- Reporting view (docs/reports.md): the latest run's incidents. Set-based (issue 13): the current flags are counted
-- once, grouped by incident key, and joined; the containing incident is a join on the unique current incident key
-- (incidents_current_key), so it matches at most one row; the latest run is one row joined to every incident. The
-- joins stay inside the incident's partition (issue 14: an incident key is unique per partition). Claims at a place
-- the gazetteer does not know show the place's name (incidents.place_name).
CREATE VIEW v_incidents AS
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
