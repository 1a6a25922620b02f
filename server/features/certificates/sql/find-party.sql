-- The known party of this kind ($1) and CCCD/CMND number ($2), if any: an officer's entry reuses it rather
-- than recording the same person twice. Oldest first, so a duplicate loaded earlier does not win.
SELECT id FROM party
WHERE kind = $1 AND id_number = $2
ORDER BY id
LIMIT 1
