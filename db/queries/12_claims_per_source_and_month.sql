-- How much does each source say, month by month, and how much of it did the latest reconciliation use?
-- Claims per source and month of reporting, with those placed in an incident and those left unplaced
-- (unplaced claims often point at extraction mistakes: no place, no date, an outcome no one else reports).
WITH params AS (SELECT DATE '1900-01-01' AS reported_since)
SELECT coalesce(c.source, '(unknown)') AS source, date_trunc('month', c.reported)::date AS month,
       count(*) AS claims,
       count(*) FILTER (WHERE placed.claim_id IS NOT NULL) AS in_incidents,
       count(*) FILTER (WHERE placed.claim_id IS NULL) AS unplaced,
       array_agg(DISTINCT c.outcome ORDER BY c.outcome) AS outcomes
FROM v_claims c
CROSS JOIN params
LEFT JOIN (SELECT DISTINCT claim_id FROM v_incident_sources) placed ON placed.claim_id = c.claim_id
WHERE NOT c.retired AND c.reported >= params.reported_since
GROUP BY coalesce(c.source, '(unknown)'), date_trunc('month', c.reported)
ORDER BY source, month;
