-- Reporting view (docs/reports.md): the figures (per victim group) of the latest run's incidents.
CREATE VIEW v_incident_figures AS
SELECT f.incident_id, f.victims, f.victim_side, f.headline, f.low, f.best, f.high, f.has_consensus,
       f.consensus_low, f.consensus_high, f.source_count
FROM incident_figures f
JOIN incidents i ON i.incident_id = f.incident_id AND i.valid_to_run IS NULL;
