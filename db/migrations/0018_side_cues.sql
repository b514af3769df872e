-- Side cues (seeds/side-cues.csv, issue 16): per conflict, the means of attack only one side uses ("air strike" where
-- only the government flies aircraft). The extractor reads them when the text names no perpetrator; stored here so
-- that ingest, which reads its reference data from the database, reads documents as `extract` does. A country or year
-- bound that the file leaves open is stored as '' or 0, so the bounds can form the key.

CREATE TABLE side_cues (
    conflict   text NOT NULL REFERENCES conflicts (key),
    side       text NOT NULL,
    cue        text NOT NULL,
    words      text[] NOT NULL CHECK (cardinality(words) > 0),
    country    text NOT NULL DEFAULT '',
    from_year  integer NOT NULL DEFAULT 0,
    to_year    integer NOT NULL DEFAULT 0,
    PRIMARY KEY (conflict, side, cue, country, from_year, to_year)
);

CREATE TRIGGER side_cues_bump_reference_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON side_cues
    FOR EACH STATEMENT EXECUTE FUNCTION bump_reference_version();
