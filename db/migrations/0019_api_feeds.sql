-- API connectors (issue 17): the UCDP GED API, the ACLED API and the ReliefWeb reports API as feed kinds beside
-- rss/atom/csv. Each keeps a cursor of its own — the API's date or version fields up to which the last complete
-- run read — so that the next run asks only for what changed since. Credentials are never stored here: they come
-- from configuration (ApiConnectorOptions) when a run starts.

ALTER TABLE feeds DROP CONSTRAINT feeds_kind_check;
ALTER TABLE feeds ADD CONSTRAINT feeds_kind_check
    CHECK (kind IN ('inbox', 'rss', 'atom', 'csv', 'jsonl', 'ged', 'acled', 'ucdp-api', 'acled-api', 'reliefweb'));

-- The connector's incremental state after its last complete run (null: none yet, the next run reads everything).
ALTER TABLE feeds ADD COLUMN cursor jsonb;
