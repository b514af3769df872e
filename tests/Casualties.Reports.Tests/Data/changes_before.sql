-- Run 1 of the "what changed" scenario (issue 13), in a country of its own (Marland) beside the demo claims:
--   Port Vey: the Marland Monitor's running tally of the killed since 1 March (200 on 10 March);
--   Oskar:    an event the Monitor alone reports (12 killed on 5 March);
--   Lindt:    an event the Monitor puts at 30 killed and the Ministry of Health at 8 (disjoint ranges: a flag);
--   Tarn:     an event only a dataset row reports (5 killed on 7 March).
-- Run after demo_claims.sql (victim groups, the ingest run).
INSERT INTO places (key, name, kind) VALUES ('marland', 'Marland', 'country') ON CONFLICT (key) DO NOTHING;
INSERT INTO places (key, name, kind, parent_id)
SELECT v.key, v.name, 'city', (SELECT id FROM places WHERE key = 'marland')
FROM (VALUES ('marland/port-vey', 'Port Vey'), ('marland/oskar', 'Oskar'), ('marland/lindt', 'Lindt'), ('marland/tarn', 'Tarn')) AS v(key, name)
ON CONFLICT (key) DO NOTHING;

INSERT INTO sources (name, kind, reliability) VALUES
    ('Marland Monitor', 'monitor', 0.8),
    ('Marland Ministry of Health', 'ministry', 0.6),
    ('Oskar Governor Office', 'government', 0.5)
ON CONFLICT (name) DO NOTHING;

INSERT INTO documents (id, content_hash, origin, name, format, carrier, title, published, body, ingest_run_id)
OVERRIDING SYSTEM VALUE VALUES
    (201, 'm1', 'inbox/monitor-0310.txt', 'monitor_2024-03-10', 'text', 'Marland Monitor', 'Toll', '2024-03-10',
        'The toll in Port Vey since 1 March stands at 200 killed, the Monitor said.', 1),
    (202, 'm2', 'inbox/monitor-0305.txt', 'monitor_2024-03-05', 'text', 'Marland Monitor', 'Oskar', '2024-03-05',
        'Shelling killed 12 people in Oskar on Tuesday, the Monitor said.', 1),
    (203, 'm3', 'inbox/monitor-0306.txt', 'monitor_2024-03-06', 'text', 'Marland Monitor', 'Lindt', '2024-03-06',
        'A strike on Lindt killed 30 people, the Monitor said.', 1),
    (204, 'm4', 'inbox/ministry-0306.txt', 'ministry_2024-03-06', 'text', 'Ministry', 'Lindt', '2024-03-06',
        'Eight people were killed in Lindt, the Ministry of Health said.', 1);

INSERT INTO feed_records (id, dataset, record_key, version, content_hash, origin, line, event_key, ingest_run_id)
OVERRIDING SYSTEM VALUE VALUES (201, 'ucdp-ged', 'tarn-1', 'v1', 'rt1', 'feeds/ged.csv', 9, 'tarn-1', 1);

INSERT INTO claims (id, document_id, record_id, ordinal, outcome, victims, qualifier, value, low, high,
                    source_id, source_name, perpetrator_side, place_id, place_name,
                    start_date, start_precision, end_date, end_precision, cumulative, reported, quote, confidence, ingest_run_id)
OVERRIDING SYSTEM VALUE
SELECT c.id, c.document_id, c.record_id, 0, 'killed', 'people', 'exact', c.value, c.value, c.value,
       s.id, c.source, 'government', p.id, p.name,
       c.start_date::date, 'day', c.end_date::date, 'day', c.cumulative, c.reported::date, c.quote, 0.9, 1
FROM (VALUES
    (2001, 201, NULL, 200, 'Marland Monitor', 'marland/port-vey', '2024-03-01', '2024-03-10', true, '2024-03-10',
        'The toll in Port Vey since 1 March stands at 200 killed, the Monitor said.'),
    (2002, 202, NULL, 12, 'Marland Monitor', 'marland/oskar', '2024-03-05', '2024-03-05', false, '2024-03-05',
        'Shelling killed 12 people in Oskar on Tuesday, the Monitor said.'),
    (2003, 203, NULL, 30, 'Marland Monitor', 'marland/lindt', '2024-03-06', '2024-03-06', false, '2024-03-06',
        'A strike on Lindt killed 30 people, the Monitor said.'),
    (2004, 204, NULL, 8, 'Marland Ministry of Health', 'marland/lindt', '2024-03-06', '2024-03-06', false, '2024-03-06',
        'Eight people were killed in Lindt, the Ministry of Health said.'),
    (2005, NULL, 201, 5, 'UCDP', 'marland/tarn', '2024-03-07', '2024-03-07', false, '2024-03-09', NULL)
) AS c(id, document_id, record_id, value, source, place_key, start_date, end_date, cumulative, reported, quote)
JOIN sources s ON s.name = c.source
JOIN places p ON p.key = c.place_key;
