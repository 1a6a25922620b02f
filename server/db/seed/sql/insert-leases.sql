-- Insert lease contracts (demo) from a JSON array of DemoLease.
INSERT INTO lease_contract (contract_no, parcel_id, party_id, kind, purpose, area_m2, start_date, end_date, status, demo)
SELECT x."contractNo", x."parcelId", x."partyId", x.kind, x.purpose, x."areaM2", x."startDate", x."endDate", x.status, true
FROM json_to_recordset($1::json) AS x("contractNo" text, "parcelId" bigint, "partyId" bigint, kind text, purpose text,
     "areaM2" numeric, "startDate" date, "endDate" date, status text)
