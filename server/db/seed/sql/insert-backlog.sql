-- Insert first-certificate backlog cases (demo) from a JSON array [{parcelId, reason, note, openedAt}].
INSERT INTO backlog_case (parcel_id, reason, note, opened_at, demo)
SELECT x."parcelId", x.reason, x.note, x."openedAt", true
FROM json_to_recordset($1::json) AS x("parcelId" bigint, reason text, note text, "openedAt" date)
