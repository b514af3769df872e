-- Reporting view (docs/reports.md): the run an incident's current version was written in ("most recently changed"
-- in the reports).
CREATE VIEW v_incident_runs AS
SELECT i.incident_id, i.valid_from_run AS changed_in_run
FROM incidents i
WHERE i.valid_to_run IS NULL;
