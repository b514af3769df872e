-- Reporting view (docs/reports.md): the latest run's conflict flags.
CREATE VIEW v_flags AS
SELECT f.flag_id, (SELECT max(run_id) FROM reconciliation_runs) AS run_id, f.kind, f.severity,
       i.incident_id, p.name AS place, f.claim_ids, f.sources, f.explanation
FROM flags f
LEFT JOIN incidents i ON i.incident_key = f.incident_key AND i.valid_to_run IS NULL
LEFT JOIN places p ON p.key = f.place_key
WHERE f.valid_to_run IS NULL;
