-- What is the monthly range (low, best, high) of people killed, by perpetrator side, in one governorate?
-- Change the place in params. Months without a reconciled total for a side are left out.
WITH params AS (SELECT 'Aleppo Governorate'::text AS place, 'killed'::text AS outcome, 'people'::text AS victims)
SELECT t.place, t.perpetrator_side, t.period_start AS month, t.low, t.best, t.high, t.method, t.incident_count
FROM v_side_totals t, params
WHERE t.period = 'month'
  AND (t.place = params.place OR t.place_key = params.place)
  AND t.outcome = params.outcome
  AND t.victims = params.victims
ORDER BY t.period_start, t.perpetrator_side NULLS LAST;
