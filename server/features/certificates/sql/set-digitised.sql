-- Mark the parcel's certificates as digitised ($2) or not; returns the certificates that changed.
UPDATE certificate SET digitised = $2 WHERE parcel_id = $1 AND digitised IS DISTINCT FROM $2
RETURNING id
