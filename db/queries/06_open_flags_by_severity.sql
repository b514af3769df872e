-- Which conflicts between figures are open in the latest reconciliation, most severe first, and how many of each kind?
WITH params AS (SELECT 'low'::text AS min_severity),
ranked AS (
    SELECT f.*, CASE f.severity WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END AS rank
    FROM v_flags f
)
SELECT r.severity, r.kind, count(*) OVER (PARTITION BY r.severity, r.kind) AS of_this_kind,
       r.flag_id, r.incident_id, r.place, r.sources, r.explanation
FROM ranked r, params
WHERE r.rank >= CASE params.min_severity WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END
ORDER BY r.rank DESC, r.kind, r.flag_id;
