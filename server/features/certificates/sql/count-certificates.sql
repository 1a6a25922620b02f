-- How many certificates the parcel holds. One row.
SELECT count(*) AS n FROM certificate WHERE parcel_id = $1
