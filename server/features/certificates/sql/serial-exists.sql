-- Whether a certificate serial is already used. One row.
SELECT EXISTS (SELECT 1 FROM certificate WHERE serial = $1) AS taken
