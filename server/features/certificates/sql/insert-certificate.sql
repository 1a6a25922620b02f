-- Issue a certificate: parcel $1, party $2, serial $3, issue date $4, digitised $5.
INSERT INTO certificate (parcel_id, party_id, serial, issue_date, digitised)
VALUES ($1, $2, $3, $4, $5)
RETURNING id
