-- Certificates (GCN) of a parcel, oldest first.
SELECT id, serial, issue_date, digitised, party_id FROM certificate WHERE parcel_id = $1 ORDER BY issue_date, id
