-- Reporting view (docs/reports.md): every reconciliation run, its mode and counts.
CREATE VIEW v_reconciliation_runs AS
SELECT run_id, started_at, finished_at, mode, claims, incidents, flags FROM reconciliation_runs;
