-- What exactly did each source say about the incidents in one place? Every figure with its quote and document,
-- headline group first, the latest word before the superseded ones.
WITH params AS (SELECT 'East Aleppo'::text AS place)
SELECT i.incident_id, i.kind, i.outcome, i.start_date, i.end_date, s.victims, s.headline, s.source, s.qualifier,
       s.value, s.low, s.high, s.reported, s.superseded, s.document, s.quote, s.rule
FROM v_incidents i
JOIN params ON i.place = params.place OR i.place_key = params.place
JOIN v_incident_sources s ON s.incident_id = i.incident_id
ORDER BY i.incident_id, s.headline DESC, s.victims, s.superseded, s.source, s.reported, s.claim_id;
