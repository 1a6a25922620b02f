-- Insert parties (demo) from a JSON array [{id, kind, name, idNumber, address}].
INSERT INTO party (id, kind, name, id_number, address, demo)
SELECT x.id, x.kind, x.name, x."idNumber", x.address, true
FROM json_to_recordset($1::json) AS x(id bigint, kind text, name text, "idNumber" text, address text)
