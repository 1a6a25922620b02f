-- Land-use codes in use, with their names (Thông tư 08/2024/TT-BTNMT) and parcel counts, for the filter.
SELECT t.code, t.name_vi, t.name_en, count(*) AS n
FROM parcel p JOIN land_use_type t ON t.code = p.land_use_code
GROUP BY t.code, t.name_vi, t.name_en
ORDER BY t.code
