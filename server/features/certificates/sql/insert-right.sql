-- The parcel's ($1) ownership/use right held in full by party $2, with the officer's note $3.
INSERT INTO land_right (parcel_id, party_id, kind, share, note, demo)
VALUES ($1, $2, 'ownership_use', 1, $3, false)
RETURNING id
