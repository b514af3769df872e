-- Run 2 of the "what changed" scenario (issue 13): after changes_before.sql and a reconciliation.
--   Port Vey: the Monitor updates its tally (260 on 17 March);
--   Oskar:    a new source, the governor's office, says 40 (disjoint from the Monitor's 12: a flag is raised);
--   Lindt:    the Ministry of Health corrects itself to 30 (the sources agree: the flag clears);
--   Tarn:     the dataset deletes its row (the incident is gone).
INSERT INTO documents (id, content_hash, origin, name, format, carrier, title, published, body, ingest_run_id)
OVERRIDING SYSTEM VALUE VALUES
    (205, 'm5', 'inbox/monitor-0317.txt', 'monitor_2024-03-17', 'text', 'Marland Monitor', 'Toll', '2024-03-17',
        'The toll in Port Vey since 1 March has risen to 260 killed, the Monitor said.', 1),
    (206, 'm6', 'inbox/governor-0306.txt', 'governor_2024-03-06', 'text', 'Oskar Governor Office', 'Oskar', '2024-03-06',
        'Forty people died in the shelling of Oskar on Tuesday, the governor''s office said.', 1),
    (207, 'm7', 'inbox/ministry-0308.txt', 'ministry_2024-03-08', 'text', 'Ministry', 'Correction', '2024-03-08',
        'The Ministry of Health corrected its toll for Lindt to 30 killed.', 1);

INSERT INTO claims (id, document_id, record_id, ordinal, outcome, victims, qualifier, value, low, high,
                    source_id, source_name, perpetrator_side, place_id, place_name,
                    start_date, start_precision, end_date, end_precision, cumulative, reported, quote, confidence, ingest_run_id)
OVERRIDING SYSTEM VALUE
SELECT c.id, c.document_id, NULL, 0, 'killed', 'people', 'exact', c.value, c.value, c.value,
       s.id, c.source, 'government', p.id, p.name,
       c.start_date::date, 'day', c.end_date::date, 'day', c.cumulative, c.reported::date, c.quote, 0.9, 1
FROM (VALUES
    (2006, 205, 260, 'Marland Monitor', 'marland/port-vey', '2024-03-01', '2024-03-17', true, '2024-03-17',
        'The toll in Port Vey since 1 March has risen to 260 killed, the Monitor said.'),
    (2007, 206, 40, 'Oskar Governor Office', 'marland/oskar', '2024-03-05', '2024-03-05', false, '2024-03-06',
        'Forty people died in the shelling of Oskar on Tuesday, the governor''s office said.'),
    (2008, 207, 30, 'Marland Ministry of Health', 'marland/lindt', '2024-03-06', '2024-03-06', false, '2024-03-08',
        'The Ministry of Health corrected its toll for Lindt to 30 killed.')
) AS c(id, document_id, value, source, place_key, start_date, end_date, cumulative, reported, quote)
JOIN sources s ON s.name = c.source
JOIN places p ON p.key = c.place_key;

UPDATE feed_records SET retired_at = now() WHERE dataset = 'ucdp-ged' AND record_key = 'tarn-1';
