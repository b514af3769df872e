-- Many incidents for the selection tests (issue 13), after demo_claims.sql and changes_before.sql: @Count events in
-- Idlib and as many in Oskar, one a day. The Observatory (or the Marland Monitor) gives each a figure; a second
-- source disagrees on two in three of them, by four times (a high-severity flag), 1.3 times (medium) or 1.1 times
-- (low), in turn.
INSERT INTO documents (id, content_hash, origin, name, format, published, body, ingest_run_id)
OVERRIDING SYSTEM VALUE
SELECT 10000 + i, 'many-' || i, 'generated', 'many_' || i, 'text', DATE '2015-01-01' + i, 'Generated document ' || i, 1
FROM generate_series(1, 2 * @Count) i;

WITH events AS (
    SELECT i, i % 2 = 0 AS syria, DATE '2015-01-01' + i AS day, 10 + i % 37 AS figure FROM generate_series(1, 2 * @Count) i
), said AS (
    SELECT i, 0 AS ordinal, syria, day, figure AS value,
           CASE WHEN syria THEN 'Syrian Observatory for Human Rights' ELSE 'Marland Monitor' END AS source FROM events
    UNION ALL
    SELECT i, 1, syria, day,
           CASE i % 6 WHEN 0 THEN figure * 4 WHEN 1 THEN figure * 4 WHEN 2 THEN figure * 13 / 10 WHEN 3 THEN figure * 13 / 10 ELSE figure * 11 / 10 + 1 END,
           CASE WHEN syria THEN 'SANA' ELSE 'Marland Ministry of Health' END
    FROM events WHERE i % 3 <> 2
)
INSERT INTO claims (id, document_id, ordinal, outcome, victims, qualifier, value, low, high, source_id, source_name, perpetrator_side,
                    place_id, place_name, start_date, start_precision, end_date, end_precision, cumulative, reported, quote, confidence, ingest_run_id)
OVERRIDING SYSTEM VALUE
SELECT 100000 + 2 * s.i + s.ordinal, 10000 + s.i, s.ordinal, 'killed', 'people', 'exact', s.value, s.value, s.value, src.id, s.source, 'government',
       p.id, p.name, s.day, 'day', s.day, 'day', false, s.day + 1, s.source || ' said ' || s.value || ' were killed.', 0.9, 1
FROM said s
JOIN sources src ON src.name = s.source
JOIN places p ON p.key = CASE WHEN s.syria THEN 'syria/idlib' ELSE 'marland/oskar' END;
