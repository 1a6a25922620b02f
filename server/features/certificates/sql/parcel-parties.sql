-- Land users of a parcel and their rights (names, id numbers, addresses: personal data for households and
-- individuals, filtered by the route).
SELECT y.id AS party_id, y.kind, y.name, y.address, y.id_number, r.kind AS right_kind, r.share
FROM land_right r JOIN party y ON y.id = r.party_id
WHERE r.parcel_id = $1
ORDER BY r.id
