-- Set the blocking reason ($2) and note ($3, NULL keeps the old one) of the parcel's case, opening it today
-- when the parcel has none (a parcel has at most one case).
INSERT INTO backlog_case (parcel_id, reason, note, opened_at)
VALUES ($1, $2, $3, current_date)
ON CONFLICT (parcel_id) DO UPDATE
SET reason = EXCLUDED.reason, note = coalesce(EXCLUDED.note, backlog_case.note), resolved_at = NULL
RETURNING id
