-- Per-side totals add up across sides (issue 14): an unknown side's tally that holds incidents of a known side counts
-- only what exceeds them, and an incident of unknown side inside a side's tally is counted in it. A total whose
-- unknown-side amount is such a remainder says so with the method 'remainder'.

ALTER TABLE side_totals DROP CONSTRAINT side_totals_method_check;
ALTER TABLE side_totals ADD CONSTRAINT side_totals_method_check
    CHECK (method IN ('single', 'sum_of_parts', 'whole', 'remainder'));
