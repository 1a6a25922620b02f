-- Insert the report's figures from a JSON array [{id, label_vi, label_en, value, unit, section, decisions, note, sort_order}].
INSERT INTO report_figure (id, label_vi, label_en, value, unit, section, decisions, note, sort_order)
SELECT x.id, x.label_vi, x.label_en, x.value, x.unit, x.section,
       coalesce(ARRAY(SELECT json_array_elements_text(x.decisions)), '{}'), x.note, x.sort_order
FROM json_to_recordset($1::json) AS x(id text, label_vi text, label_en text, value numeric, unit text, section text,
     decisions json, note text, sort_order integer)
