-- Optimistic concurrency: take the parcel's next version only if it is still at the version the officer saw
-- ($2). No row back = someone else changed it first (or it does not exist). Locks the parcel row until commit.
UPDATE parcel SET version = version + 1, updated_at = now()
WHERE id = $1 AND version = $2
RETURNING version
