-- TEMPORARY: reconciliation results for demo_claims.sql written by hand into the local stand-in of 0003,
-- until the reconcile branch is merged and the real reconciler runs instead.
INSERT INTO reconciliation_runs (mode, claims, incidents, flags, finished_at) VALUES ('full', 17, 9, 3, now());

INSERT INTO stub_incidents VALUES
 (1, 1, 'tally', 'killed', 'East Aleppo', 'syria/east-aleppo', 'Syria', '2016-11-15', 'day', '2016-12-07', 'day', 'government', 'people', 120, 342, 440, false, NULL, NULL, 3, 5, 2, NULL),
 (2, 1, 'event', 'killed', 'East Aleppo', 'syria/east-aleppo', 'Syria', '2016-11-20', 'day', '2016-11-20', 'day', 'government', 'people', 12, 15, 15, false, NULL, NULL, 2, 2, 0, 1),
 (3, 1, 'tally', 'killed', 'West Aleppo', 'syria/west-aleppo', 'Syria', '2016-11-15', 'day', '2016-12-07', 'day', 'opposition', 'people', 81, 81, 81, true, 81, 81, 1, 2, 0, NULL),
 (4, 1, 'event', 'killed', 'Idlib', 'syria/idlib', 'Syria', '2016-12-06', 'day', '2016-12-06', 'day', 'government', 'civilians', 25, 30, 30, true, 30, 30, 2, 2, 0, NULL),
 (5, 1, 'event', 'killed', 'Idlib Governorate', 'syria/idlib-governorate', 'Syria', '2016-12-06', 'day', '2016-12-06', 'day', 'opposition', 'people', 10, 10, 10, true, 10, 10, 1, 2, 0, NULL),
 (6, 1, 'event', 'injured', 'Aleppo', 'syria/aleppo', 'Syria', '2016-12-03', 'day', '2016-12-03', 'day', NULL, 'people', 7, 7, 7, true, 7, 7, 1, 1, 0, NULL),
 (7, 1, 'tally', 'detained', 'Aleppo Governorate', 'syria/aleppo-governorate', 'Syria', '2016-11-01', 'month', '2016-11-01', 'month', 'government', 'people', 200, 200, 200, true, 200, 200, 1, 1, 0, NULL),
 (8, 1, 'tally', 'missing', 'Idlib', 'syria/idlib', 'Syria', '2016-10-01', 'month', '2016-11-30', 'day', NULL, 'people', 50, 50, 50, true, 50, 50, 1, 1, 0, NULL),
 (9, 1, 'event', 'killed', 'Aleppo', 'syria/aleppo', 'Syria', '2016-10-15', 'day', '2016-10-15', 'day', 'government', 'people', 20, 22, 25, true, 20, 25, 1, 1, 0, NULL);

INSERT INTO stub_incident_figures VALUES
 (1, 1, 'people', NULL, true, 120, 342, 440, false, NULL, NULL, 3),
 (1, 1, 'children', NULL, false, 44, 44, 44, true, 44, 44, 1),
 (1, 2, 'people', NULL, true, 12, 15, 15, false, NULL, NULL, 2),
 (1, 3, 'people', NULL, true, 81, 81, 81, true, 81, 81, 1),
 (1, 3, 'children', NULL, false, 31, 31, 31, true, 31, 31, 1),
 (1, 4, 'civilians', NULL, true, 25, 30, 30, true, 30, 30, 2),
 (1, 5, 'people', NULL, true, 10, 10, 10, true, 10, 10, 1),
 (1, 5, 'civilians', NULL, false, 5, 5, 5, true, 5, 5, 1),
 (1, 6, 'people', NULL, true, 7, 7, 7, true, 7, 7, 1),
 (1, 7, 'people', NULL, true, 200, 200, 200, true, 200, 200, 1),
 (1, 8, 'people', NULL, true, 50, 50, 50, true, 50, 50, 1),
 (1, 9, 'people', NULL, true, 20, 22, 25, true, 20, 25, 1);

INSERT INTO stub_incident_sources
SELECT 1, s.incident_id, c.victims, c.victim_side, s.headline, c.source, c.qualifier, c.value, c.low, c.high, c.reported,
       s.superseded, c.claim_id, c.quote, c.document, s.rule
FROM (VALUES (1, 101, true, false, 'same tally: place, window, outcome'), (1, 102, false, false, 'subset of claim 101'),
             (1, 108, true, false, 'same tally: place, window, outcome'), (1, 109, true, true, 'earlier word of the same source'),
             (1, 110, true, false, 'same tally: place, window, outcome'),
             (2, 115, true, false, 'same day, place and outcome'), (2, 117, true, false, 'same day, place and outcome'),
             (3, 103, true, false, 'single claim'), (3, 104, false, false, 'subset of claim 103'),
             (4, 105, true, false, 'same day, place inside, outcome'), (4, 111, true, false, 'same day, place inside, outcome'),
             (5, 106, true, false, 'single claim'), (5, 107, false, false, 'subset of claim 106'),
             (6, 112, true, false, 'single claim'), (7, 113, true, false, 'single claim'), (8, 114, true, false, 'single claim'),
             (9, 116, true, false, 'dataset event 12345')) AS s(incident_id, claim_id, headline, superseded, rule)
JOIN v_claims c ON c.claim_id = s.claim_id;

INSERT INTO stub_side_totals VALUES
 (1, 'government', 'killed', 'people', NULL, 'Syria', 'syria', 'all', '2016-10-15', '2016-12-07', 140, 364, 465, 'sum_of_parts', 3),
 (1, 'government', 'killed', 'people', NULL, 'Syria', 'syria', 'month', '2016-10-01', '2016-10-31', 20, 22, 25, 'single', 1),
 (1, 'government', 'killed', 'people', NULL, 'Syria', 'syria', 'month', '2016-11-01', '2016-11-30', 60, 160, 210, 'whole', 2),
 (1, 'government', 'killed', 'people', NULL, 'Syria', 'syria', 'month', '2016-12-01', '2016-12-31', 60, 182, 230, 'sum_of_parts', 1),
 (1, 'opposition', 'killed', 'people', NULL, 'Syria', 'syria', 'all', '2016-11-15', '2016-12-07', 91, 91, 91, 'sum_of_parts', 2),
 (1, 'opposition', 'killed', 'people', NULL, 'Syria', 'syria', 'month', '2016-11-01', '2016-11-30', 50, 50, 50, 'single', 1),
 (1, 'opposition', 'killed', 'people', NULL, 'Syria', 'syria', 'month', '2016-12-01', '2016-12-31', 41, 41, 41, 'sum_of_parts', 2),
 (1, 'government', 'killed', 'civilians', NULL, 'Idlib Governorate', 'syria/idlib-governorate', 'all', '2016-12-06', '2016-12-06', 25, 30, 30, 'single', 1),
 (1, 'government', 'killed', 'people', NULL, 'Aleppo Governorate', 'syria/aleppo-governorate', 'all', '2016-10-15', '2016-12-07', 140, 364, 465, 'whole', 2),
 (1, 'government', 'killed', 'people', NULL, 'Aleppo Governorate', 'syria/aleppo-governorate', 'month', '2016-10-01', '2016-10-31', 20, 22, 25, 'single', 1),
 (1, 'government', 'killed', 'people', NULL, 'Aleppo Governorate', 'syria/aleppo-governorate', 'month', '2016-11-01', '2016-11-30', 60, 160, 210, 'whole', 2),
 (1, 'government', 'killed', 'people', NULL, 'Aleppo Governorate', 'syria/aleppo-governorate', 'month', '2016-12-01', '2016-12-31', 60, 182, 230, 'single', 1),
 (1, 'opposition', 'killed', 'people', NULL, 'Aleppo Governorate', 'syria/aleppo-governorate', 'all', '2016-11-15', '2016-12-07', 81, 81, 81, 'single', 1),
 (1, 'government', 'detained', 'people', NULL, 'Aleppo Governorate', 'syria/aleppo-governorate', 'all', '2016-11-01', '2016-11-30', 200, 200, 200, 'single', 1),
 (1, NULL, 'missing', 'people', NULL, 'Idlib Governorate', 'syria/idlib-governorate', 'all', '2016-10-01', '2016-11-30', 50, 50, 50, 'single', 1);

INSERT INTO stub_flags VALUES
 (1, 1, 'disjoint_ranges', 'high', 1, 'East Aleppo', '{101,108}', '{"Syrian Observatory for Human Rights","SANA"}',
    'SOHR says more than 341 killed; SANA says 120: the ranges do not overlap.'),
 (2, 1, 'outlier', 'medium', 1, 'East Aleppo', '{108}', '{"SANA"}',
    'SANA''s 120 is far below the other sources (robust z = -3.4 on the log scale).'),
 (3, 1, 'wide_spread', 'low', 2, 'East Aleppo', '{115,117}', '{"Syrian Observatory for Human Rights","=HYPERLINK(\"http://example.invalid/x\",\"click\")"}',
    '=HYPERLINK("http://example.invalid/x","click") says 12, the Observatory 15 <script>alert(1)</script>.'),
 (4, 1, 'parts_exceed_whole', 'medium', NULL, 'Aleppo', '{116,118}', '{"UCDP"}',
    'The parts of Aleppo add up to more than the whole''s high.');
