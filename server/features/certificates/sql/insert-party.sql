-- A new party (kind $1, name $2, CCCD/CMND $3, address $4) recorded by an officer (demo = false). The id comes
-- from party_id_seq (0015), moved past the largest id first when a load went beyond it, so an id is never
-- handed out twice (the audit log refers to parties by id).
INSERT INTO party (id, kind, name, id_number, address, demo)
VALUES ((SELECT CASE WHEN m.max_id >= s.last_value THEN setval('party_id_seq', m.max_id + 1)
                     ELSE nextval('party_id_seq') END
         FROM (SELECT coalesce(max(id), 0) AS max_id FROM party) m, party_id_seq s),
        $1, $2, $3, $4, false)
RETURNING id
