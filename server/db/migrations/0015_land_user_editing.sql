-- Land officers record the land user (chủ sử dụng) of a parcel (engineer G): a new party needs an id, and the
-- right may carry the officer's note (the document it rests on: hồ sơ, quyết định giao đất…).
-- party.id had no default (the seed loads the register's own ids); new parties take theirs from a sequence.
-- The insert statement moves the sequence past max(id) first (the seed loads ids after this migration).
CREATE SEQUENCE party_id_seq OWNED BY party.id;
ALTER TABLE party ALTER COLUMN id SET DEFAULT nextval('party_id_seq');

-- A party is found again by its kind and CCCD/CMND number (an officer's entry reuses the known person).
CREATE INDEX party_kind_id_number_idx ON party (kind, id_number) WHERE id_number IS NOT NULL;

ALTER TABLE land_right ADD COLUMN note text;
