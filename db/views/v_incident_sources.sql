-- Reporting view (docs/reports.md): every claim of the latest run's incidents with its source, bounds, document
-- (a document's name, else its feed record's, feed_record_name) and the rule that put it there; best is a dataset's
-- own best estimate, so a reader can compute the claim's point (point_value).
CREATE VIEW v_incident_sources AS
SELECT m.incident_id, m.victims, m.victim_side, coalesce(f.headline, false) AS headline,
       coalesce(s.name, c.source_name) AS source, c.qualifier, c.value, c.low, c.high, c.reported, m.superseded,
       m.claim_id, c.quote, coalesce(d.name, feed_record_name(fr.dataset, fr.record_key)) AS document, m.rule, c.best
FROM incident_members m
JOIN incidents i ON i.incident_id = m.incident_id AND i.valid_to_run IS NULL
JOIN claims c ON c.id = m.claim_id
LEFT JOIN incident_figures f
       ON f.incident_id = m.incident_id AND f.victims = m.victims AND f.victim_side IS NOT DISTINCT FROM m.victim_side
LEFT JOIN sources s ON s.id = c.source_id
LEFT JOIN documents d ON d.id = c.document_id
LEFT JOIN feed_records fr ON fr.id = c.record_id;
