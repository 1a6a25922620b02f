-- The land user a first certificate is issued to: the parcel's first ownership/use right held by someone
-- other than the State (State land gets no certificate).
SELECT r.party_id
FROM land_right r JOIN party y ON y.id = r.party_id
WHERE r.parcel_id = $1 AND r.kind = 'ownership_use' AND y.kind <> 'state'
ORDER BY r.share DESC, r.id
LIMIT 1
