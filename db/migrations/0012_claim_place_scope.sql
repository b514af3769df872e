-- How a claim's place relates to what it counts (issue 15): 'at' (where it happened), 'within' (somewhere inside
-- the place: a dataset event geocoded only to its province or country, a town the gazetteer does not know) or
-- 'across' (the figure covers the whole place: a country total). NULL = not stated. Only a figure that covers an
-- area contains the incidents inside it, so an imprecisely placed event is never a whole in parts_exceed_whole
-- nor in the per-side totals. Written by ingest, read by the reconciler.
ALTER TABLE claims ADD COLUMN place_scope text CHECK (place_scope IN ('at', 'within', 'across'));
