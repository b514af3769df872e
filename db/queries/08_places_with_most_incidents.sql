-- Which places have the most incidents, counting everything inside them in the gazetteer (a governorate counts
-- its cities and districts)? With the reported range of killed people in events there.
WITH params AS (SELECT 'killed'::text AS outcome, 15 AS top)
SELECT p.path, p.name AS place, count(*) AS incidents,
       count(*) FILTER (WHERE i.kind = 'event') AS events,
       count(*) FILTER (WHERE i.kind = 'tally') AS tallies,
       sum(i.low) FILTER (WHERE i.kind = 'event' AND i.victims = 'people') AS event_people_low,
       sum(i.high) FILTER (WHERE i.kind = 'event' AND i.victims = 'people') AS event_people_high
FROM v_places p
JOIN v_places inside ON inside.path = p.path OR inside.path LIKE p.path || ' > %'
JOIN v_incidents i ON i.place_key = inside.place_key
JOIN params ON i.outcome = params.outcome
GROUP BY p.path, p.name
ORDER BY incidents DESC, p.path
LIMIT (SELECT top FROM params);
