-- Demonyms (seeds/demonyms.csv, issue 16): the nationality words of every country ("Haitian" -> haiti, "South
-- Sudanese" -> south-sudan), written by tools/gazetteer/demonyms.mjs from world-countries. The extractor reads one as a
-- vote for the document's country; stored here so that ingest, which reads its reference data from the database,
-- reads documents as `extract` does. The country is a place key of a country (curated or generated layer).

CREATE TABLE demonyms (
    demonym  text PRIMARY KEY,
    country  text NOT NULL
);

CREATE TRIGGER demonyms_bump_reference_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON demonyms
    FOR EACH STATEMENT EXECUTE FUNCTION bump_reference_version();
