-- The parcel's first-certificate case, open or resolved (at most one: backlog_case.parcel_id is unique).
SELECT id, reason, note, opened_at, resolved_at FROM backlog_case WHERE parcel_id = $1
