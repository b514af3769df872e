-- The gazetteer's generated layer (issue 16): GeoNames places from seeds/places.geonames.csv.gz beside the curated
-- places.csv. The extractor reads a generated name only in a place context ("in X", "the village of X"), so the flag
-- travels with the row.
ALTER TABLE places ADD COLUMN generated boolean NOT NULL DEFAULT false;

-- A place the gazetteer lacks is kept as written (place_name, place_id NULL) with the nearest known place the text
-- puts it in ("Kafr Zita, in Hama province" → Hama Governorate), so unresolved places can be grouped within it.
ALTER TABLE claims ADD COLUMN place_parent_id bigint REFERENCES places (id);
CREATE INDEX claims_place_parent_idx ON claims (place_parent_id) WHERE place_parent_id IS NOT NULL;

-- The generated layer is loaded into places once per database by binary COPY and skipped while its checksum (a hash of
-- the seed file) is unchanged: ~200,000 rows are too many to compare on every `casualties seed`.
CREATE TABLE reference_layers (
    name      text PRIMARY KEY,
    checksum  text NOT NULL,
    rows      integer NOT NULL,
    loaded_at timestamptz NOT NULL DEFAULT now()
);
