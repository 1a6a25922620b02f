-- Insert rights (demo) from a JSON array [{parcelId, partyId, kind, share}].
INSERT INTO land_right (parcel_id, party_id, kind, share, demo)
SELECT x."parcelId", x."partyId", x.kind, x.share, true
FROM json_to_recordset($1::json) AS x("parcelId" bigint, "partyId" bigint, kind text, share numeric)
