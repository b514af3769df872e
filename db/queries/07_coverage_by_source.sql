-- Who reports what, how often, and how far from the rest? One row per source: claims, incidents, the period it
-- covered, the outcomes it counts, and how often its figures sit inside the consensus.
WITH params AS (SELECT 1 AS min_claims)
SELECT c.source, c.kind, c.reliability, c.claims, c.incidents, c.first_reported, c.last_reported, c.outcomes,
       c.places, round(c.within_consensus_share::numeric, 3) AS within_consensus_share,
       round(c.median_log_ratio::numeric, 3) AS median_log_ratio
FROM v_source_coverage c, params
WHERE c.claims >= params.min_claims
ORDER BY c.claims DESC, c.source;
