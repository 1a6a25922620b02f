-- Insert clearance records (demo) from a JSON array of DemoClearance.
INSERT INTO clearance_record (project_id, parcel_id, step, step_date, households, compensation_vnd, obstacle, demo)
SELECT x."projectId", x."parcelId", x.step, x."stepDate", x.households, x."compensationVnd", x.obstacle, true
FROM json_to_recordset($1::json) AS x("projectId" bigint, "parcelId" bigint, step text, "stepDate" date,
     households integer, "compensationVnd" bigint, obstacle text)
