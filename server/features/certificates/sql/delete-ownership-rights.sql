-- Remove the parcel's ownership/use rights before recording the new land user. Leases and State management
-- are left alone: they are not the land user's right but the State's (a lease contract, public land), and
-- change only through their own procedures (leasing, allocation, recovery).
DELETE FROM land_right
WHERE parcel_id = $1 AND kind = 'ownership_use'
