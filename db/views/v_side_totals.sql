-- Reporting view (docs/reports.md): the latest run's per-side totals.
CREATE VIEW v_side_totals AS
SELECT (SELECT max(run_id) FROM reconciliation_runs) AS run_id,
       t.perpetrator_side, t.outcome, t.victims, t.victim_side, p.name AS place, t.place_key, t.period,
       t.period_start, t.period_end, t.low, t.best, t.high, t.method, t.incident_count
FROM side_totals t
LEFT JOIN places p ON p.key = t.place_key
WHERE t.valid_to_run IS NULL;
