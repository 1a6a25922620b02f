-- Close the parcel's open backlog case on the certificate's issue date ($2), adding the officer's note ($3).
UPDATE backlog_case
SET resolved_at = $2, note = coalesce($3, note)
WHERE parcel_id = $1 AND resolved_at IS NULL
RETURNING id
