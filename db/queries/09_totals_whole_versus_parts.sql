-- Where both a whole (Aleppo) and its parts (east, west) have figures, which did the totals use? Each total with
-- its method, and the totals of its direct parts for the same side, outcome, victims and period beside it.
WITH params AS (SELECT 'all'::text AS period)
SELECT w.place, w.perpetrator_side, w.outcome, w.victims, w.period_start, w.period_end,
       w.low, w.best, w.high, w.method,
       count(part.place_key) AS parts,
       sum(part.low) AS parts_low, sum(part.high) AS parts_high
FROM v_side_totals w
JOIN params ON w.period = params.period
LEFT JOIN v_places child ON child.parent_key = w.place_key
LEFT JOIN v_side_totals part
       ON part.place_key = child.place_key AND part.period = w.period
      AND part.perpetrator_side IS NOT DISTINCT FROM w.perpetrator_side AND part.outcome = w.outcome
      AND part.victims = w.victims AND part.victim_side IS NOT DISTINCT FROM w.victim_side
      AND part.period_start IS NOT DISTINCT FROM w.period_start
GROUP BY w.place, w.place_key, w.perpetrator_side, w.outcome, w.victims, w.victim_side, w.period_start, w.period_end,
         w.low, w.best, w.high, w.method
ORDER BY w.place, w.perpetrator_side NULLS LAST, w.outcome, w.victims, w.period_start;
