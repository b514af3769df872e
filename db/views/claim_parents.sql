-- Each claim with the claim it is a subset of. The parent is resolved once, when claims are stored, into
-- claims.parent_id (migration 0014: inside one document or record by parent_ordinal, or across records of one dataset
-- by the feed record's parent_key); this view only shows it.
CREATE VIEW claim_parents AS
SELECT id AS claim_id, parent_id AS parent_claim_id FROM claims WHERE parent_id IS NOT NULL;
