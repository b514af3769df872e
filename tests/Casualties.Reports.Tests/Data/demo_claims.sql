-- Demo claims for the reporting tests: a small war in Aleppo and Idlib, with sources that disagree, a superseded
-- tally, an event inside a tally, dataset rows, and text crafted to break renderers (HTML and spreadsheet formulas).
-- Reference rows are inserted only when missing, so the file also runs on a database seeded from seeds/.

INSERT INTO victim_groups (name) VALUES ('people'), ('civilians'), ('children'), ('women'), ('combatants')
ON CONFLICT (name) DO NOTHING;
UPDATE victim_groups SET parent = 'people' WHERE name IN ('civilians', 'combatants') AND parent IS NULL;
UPDATE victim_groups SET parent = 'civilians' WHERE name IN ('children', 'women') AND parent IS NULL;

INSERT INTO places (key, name, kind) VALUES
    ('syria', 'Syria', 'country'),
    ('syria/aleppo-governorate', 'Aleppo Governorate', 'region'),
    ('syria/aleppo', 'Aleppo', 'city'),
    ('syria/east-aleppo', 'East Aleppo', 'district'),
    ('syria/west-aleppo', 'West Aleppo', 'district'),
    ('syria/idlib-governorate', 'Idlib Governorate', 'region'),
    ('syria/idlib', 'Idlib', 'city')
ON CONFLICT (key) DO NOTHING;
UPDATE places p SET parent_id = parent.id
FROM (VALUES ('syria/aleppo-governorate', 'syria'), ('syria/aleppo', 'syria/aleppo-governorate'), ('syria/east-aleppo', 'syria/aleppo'),
             ('syria/west-aleppo', 'syria/aleppo'), ('syria/idlib-governorate', 'syria'), ('syria/idlib', 'syria/idlib-governorate')) AS link(key, parent_key)
JOIN places parent ON parent.key = link.parent_key
WHERE p.key = link.key AND p.parent_id IS NULL;

INSERT INTO sources (name, kind, reliability) VALUES
    ('Syrian Observatory for Human Rights', 'monitor', 0.8),
    ('SANA', 'state_media', 0.4),
    ('Syrian Civil Defence', 'rescue', 0.7),
    ('Violations Documentation Center', 'monitor', 0.7),
    ('UCDP', 'dataset', 0.9)
ON CONFLICT (name) DO NOTHING;

INSERT INTO ingest_runs (trigger, status, finished_at) VALUES ('test', 'done', now());

INSERT INTO documents (id, content_hash, origin, name, format, carrier, title, published, body, ingest_run_id)
OVERRIDING SYSTEM VALUE VALUES
    (1, 'h1', 'seeds/documents/000.txt', '000_87d7596e7722211d', 'text', 'AP', 'Syria''s army seizes key ground', '2016-12-07',
        'The offensive has killed more than 341 people in east Aleppo, including 44 children, the Observatory says.', 1),
    (2, 'h2', 'inbox/sana.txt', 'sana_2016-12-08', 'text', 'SANA', 'Terrorists shell Aleppo', '2016-12-08',
        '120 people were killed in east Aleppo since mid-November, SANA said.', 1),
    (3, 'h3', 'inbox/sohr-early.txt', 'sohr_2016-12-05', 'text', 'AFP', 'Toll rises', '2016-12-05',
        'The toll in east Aleppo rose to 300, the Observatory said.', 1),
    (4, 'h4', 'inbox/civil-defence.txt', 'scd_2016-12-07', 'text', 'Reuters', 'Rescuers count the dead', '2016-12-07',
        'About 400 people have been killed in east Aleppo since November 15, the Civil Defence said.', 1),
    (5, 'h5', 'inbox/idlib.txt', 'idlib_2016-12-06', 'text', 'AFP', 'Strike on Idlib', '2016-12-06',
        'The strike on Idlib killed 30 civilians, rescuers said.', 1),
    (6, 'h6', 'inbox/evil.html', 'evil<script>alert(1)</script>', 'html', 'Evil "><img src=x onerror=alert(1)>',
        '<script>alert(1)</script>', '2016-12-03',
        'Seven people were injured in Aleppo <script>alert(1)</script> "><img src=x onerror=alert(1)>', 1),
    (7, 'h7', 'inbox/vdc.txt', 'vdc_2016-11-30', 'text', 'VDC', 'Arrests', '2016-11-30',
        '200 people were detained in Aleppo governorate in November and 50 are missing in Idlib since October.', 1),
    (8, 'h8', 'inbox/strike-nov.txt', 'strike_2016-11-20', 'text', 'AP', 'Strike on east Aleppo', '2016-11-21',
        'An air strike on east Aleppo on Sunday killed 15 people, the Observatory said.', 1);

INSERT INTO feed_records (id, dataset, record_key, version, content_hash, origin, line, event_key, ingest_run_id)
OVERRIDING SYSTEM VALUE VALUES
    (1, 'ucdp-ged', '12345', 'v1', 'r1', 'feeds/ged.csv', 2, '12345', 1),
    (2, 'own-csv', 'formula-1', 'v1', 'r2', 'feeds/own.csv', 3, NULL, 1),
    (3, 'own-csv', 'retired-1', 'v1', 'r3', 'feeds/own.csv', 4, NULL, 1);
UPDATE feed_records SET retired_at = now() WHERE id = 3;

INSERT INTO claims (id, document_id, record_id, ordinal, outcome, victims, victim_side, qualifier, value, low, high, best,
                    phrase, parent_ordinal, source_id, source_name, perpetrator, perpetrator_side, place_id, place_name,
                    start_date, start_precision, end_date, end_precision, cumulative, reported, quote, span_start, span_end,
                    confidence, ingest_run_id)
OVERRIDING SYSTEM VALUE
SELECT c.id, c.document_id, c.record_id, c.ordinal, c.outcome, c.victims, c.victim_side, c.qualifier, c.value, c.low, c.high,
       c.best, c.phrase, c.parent_ordinal, s.id, c.source_name, c.perpetrator, c.perpetrator_side, p.id, c.place_name,
       c.start_date::date, c.start_precision, c.end_date::date, c.end_precision, c.cumulative, c.reported::date, c.quote,
       c.span_start, c.span_end, c.confidence, 1
FROM (VALUES
    (101, 1, NULL, 0, 'killed', 'people', NULL, 'more_than', 341, 342, NULL, NULL, NULL, NULL,
        'Syrian Observatory for Human Rights', 'the Observatory', 'Syrian army', 'government', 'syria/east-aleppo', 'east Aleppo',
        '2016-11-15', 'day', '2016-12-07', 'day', true, '2016-12-07',
        'The offensive has killed more than 341 people in east Aleppo, including 44 children, the Observatory says.', 0, 104, 0.95::real),
    (102, 1, NULL, 1, 'killed', 'children', NULL, 'exact', 44, 44, 44, NULL, NULL, 0,
        'Syrian Observatory for Human Rights', 'the Observatory', 'Syrian army', 'government', 'syria/east-aleppo', 'east Aleppo',
        '2016-11-15', 'day', '2016-12-07', 'day', true, '2016-12-07',
        'The offensive has killed more than 341 people in east Aleppo, including 44 children, the Observatory says.', 0, 104, 0.9::real),
    (103, 1, NULL, 2, 'killed', 'people', NULL, 'exact', 81, 81, 81, NULL, NULL, NULL,
        'Syrian Observatory for Human Rights', 'it', 'rebels', 'opposition', 'syria/west-aleppo', 'government-held west',
        '2016-11-15', 'day', '2016-12-07', 'day', true, '2016-12-07',
        'Rebel fire into the government-held west of the city has killed 81 people, including 31 children, in the same period, it says.', 105, 230, 0.9::real),
    (104, 1, NULL, 3, 'killed', 'children', NULL, 'exact', 31, 31, 31, NULL, NULL, 2,
        'Syrian Observatory for Human Rights', 'it', 'rebels', 'opposition', 'syria/west-aleppo', 'government-held west',
        '2016-11-15', 'day', '2016-12-07', 'day', true, '2016-12-07',
        'Rebel fire into the government-held west of the city has killed 81 people, including 31 children, in the same period, it says.', 105, 230, 0.9::real),
    (105, 1, NULL, 4, 'killed', 'civilians', NULL, 'at_least', 25, 25, NULL, NULL, NULL, NULL,
        'Syrian Observatory for Human Rights', 'the Observatory', 'Russia', 'government', 'syria/idlib', 'Idlib city',
        '2016-12-06', 'day', '2016-12-06', 'day', false, '2016-12-07',
        'A suspected Russian air strike on Idlib city and province targeting rebel groups on Tuesday killed at least 25 civilians, the Observatory said.', 231, 370, 0.85::real),
    (106, 1, NULL, 5, 'killed', 'people', NULL, 'exact', 10, 10, 10, NULL, NULL, NULL,
        'Syrian Observatory for Human Rights', 'It', 'rebels', 'opposition', 'syria/idlib-governorate', 'Idlib',
        '2016-12-06', 'day', '2016-12-06', 'day', false, '2016-12-07',
        'It said 10 people, among them five civilians, were killed in retaliatory rebel fire on pro-regime towns in Idlib.', 371, 480, 0.85::real),
    (107, 1, NULL, 6, 'killed', 'civilians', NULL, 'exact', 5, 5, 5, NULL, NULL, 5,
        'Syrian Observatory for Human Rights', 'It', 'rebels', 'opposition', 'syria/idlib-governorate', 'Idlib',
        '2016-12-06', 'day', '2016-12-06', 'day', false, '2016-12-07',
        'It said 10 people, among them five civilians, were killed in retaliatory rebel fire on pro-regime towns in Idlib.', 371, 480, 0.85::real),
    (108, 2, NULL, 0, 'killed', 'people', NULL, 'exact', 120, 120, 120, NULL, NULL, NULL,
        'SANA', 'SANA', 'terrorists', 'government', 'syria/east-aleppo', 'east Aleppo',
        '2016-11-15', 'day', '2016-12-08', 'day', true, '2016-12-08',
        '120 people were killed in east Aleppo since mid-November, SANA said.', 0, 68, 0.8::real),
    (109, 3, NULL, 0, 'killed', 'people', NULL, 'exact', 300, 300, 300, NULL, NULL, NULL,
        'Syrian Observatory for Human Rights', 'the Observatory', NULL, 'government', 'syria/east-aleppo', 'east Aleppo',
        '2016-11-15', 'day', '2016-12-05', 'day', true, '2016-12-05',
        'The toll in east Aleppo rose to 300, the Observatory said.', 0, 57, 0.9::real),
    (110, 4, NULL, 0, 'killed', 'people', NULL, 'about', 400, 360, 440, NULL, NULL, NULL,
        'Syrian Civil Defence', 'the Civil Defence', NULL, 'government', 'syria/east-aleppo', 'east Aleppo',
        '2016-11-15', 'day', '2016-12-07', 'day', true, '2016-12-07',
        'About 400 people have been killed in east Aleppo since November 15, the Civil Defence said.', 0, 91, 0.9::real),
    (111, 5, NULL, 0, 'killed', 'civilians', NULL, 'exact', 30, 30, 30, NULL, NULL, NULL,
        'Syrian Civil Defence', 'rescuers', NULL, 'government', 'syria/idlib', 'Idlib',
        '2016-12-06', 'day', '2016-12-06', 'day', false, '2016-12-06',
        'The strike on Idlib killed 30 civilians, rescuers said.', 0, 55, 0.8::real),
    (112, 6, NULL, 0, 'injured', 'people', NULL, 'exact', 7, 7, 7, NULL, NULL, NULL,
        NULL, '"><img src=x onerror=alert(1)>', NULL, NULL, 'syria/aleppo', 'Aleppo <script>alert(1)</script>',
        '2016-12-03', 'day', '2016-12-03', 'day', false, '2016-12-03',
        'Seven people were injured in Aleppo <script>alert(1)</script> "><img src=x onerror=alert(1)>', 0, 95, 0.5::real),
    (113, 7, NULL, 0, 'detained', 'people', NULL, 'exact', 200, 200, 200, NULL, NULL, NULL,
        'Violations Documentation Center', 'VDC', 'Syrian army', 'government', 'syria/aleppo-governorate', 'Aleppo governorate',
        '2016-11-01', 'month', '2016-11-01', 'month', false, '2016-11-30',
        '200 people were detained in Aleppo governorate in November', 0, 58, 0.9::real),
    (114, 7, NULL, 1, 'missing', 'people', NULL, 'exact', 50, 50, 50, NULL, NULL, NULL,
        'Violations Documentation Center', 'VDC', NULL, NULL, 'syria/idlib', 'Idlib',
        '2016-10-01', 'month', '2016-11-30', 'day', true, '2016-11-30',
        '50 are missing in Idlib since October', 63, 101, 0.8::real),
    (115, 8, NULL, 0, 'killed', 'people', NULL, 'exact', 15, 15, 15, NULL, NULL, NULL,
        'Syrian Observatory for Human Rights', 'the Observatory', 'Russia', 'government', 'syria/east-aleppo', 'east Aleppo',
        '2016-11-20', 'day', '2016-11-20', 'day', false, '2016-11-21',
        'An air strike on east Aleppo on Sunday killed 15 people, the Observatory said.', 0, 80, 0.9::real),
    (116, NULL, 1, 0, 'killed', 'people', NULL, 'range', NULL, 20, 25, 22, NULL, NULL,
        'UCDP', 'UCDP', 'Government of Syria', 'government', 'syria/aleppo', 'Aleppo',
        '2016-10-15', 'day', '2016-10-15', 'day', false, '2016-10-20',
        NULL, NULL, NULL, 1::real),
    (117, NULL, 2, 0, 'killed', 'people', NULL, 'exact', 12, 12, 12, NULL, NULL, NULL,
        NULL, '=HYPERLINK("http://example.invalid/x","click")', NULL, 'government', 'syria/east-aleppo', 'east Aleppo',
        '2016-11-20', 'day', '2016-11-20', 'day', false, '2016-11-22',
        '@SUM(1+1) twelve dead', NULL, NULL, 1::real),
    (118, NULL, 3, 0, 'killed', 'people', NULL, 'exact', 999, 999, 999, NULL, NULL, NULL,
        'UCDP', 'UCDP', NULL, 'government', 'syria/aleppo', 'Aleppo',
        '2016-10-01', 'day', '2016-10-01', 'day', false, '2016-10-02',
        NULL, NULL, NULL, 1::real)
) AS c(id, document_id, record_id, ordinal, outcome, victims, victim_side, qualifier, value, low, high, best, phrase,
       parent_ordinal, source, source_name, perpetrator, perpetrator_side, place_key, place_name,
       start_date, start_precision, end_date, end_precision, cumulative, reported, quote, span_start, span_end, confidence)
LEFT JOIN sources s ON s.name = c.source
LEFT JOIN places p ON p.key = c.place_key;
