-- Site-clearance progress of project $1 (one row): parcels with a clearance record, how many were handed over,
-- and the households concerned.
SELECT count(*) AS clearance_parcels,
       count(*) FILTER (WHERE step = 'handed_over') AS handed_over,
       coalesce(sum(households), 0) AS households
FROM clearance_record
WHERE project_id = $1
