-- Inside a commit: no other writer adds parcels until it ends (new ids are max(id) + n, keys must stay unique).
LOCK TABLE parcel IN SHARE ROW EXCLUSIVE MODE
