-- Insert certificates (demo) from a JSON array [{serial, parcelId, partyId, issueDate, digitised}].
INSERT INTO certificate (serial, parcel_id, party_id, issue_date, digitised, demo)
SELECT x.serial, x."parcelId", x."partyId", x."issueDate", x.digitised, true
FROM json_to_recordset($1::json) AS x(serial text, "parcelId" bigint, "partyId" bigint, "issueDate" date, digitised boolean)
