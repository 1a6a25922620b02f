-- Insert the report's data-quality notes from a JSON array [{id, section, figure_ids, message_vi, message_en}].
INSERT INTO data_quality_note (id, section, figure_ids, message_vi, message_en)
SELECT x.id, x.section, coalesce(ARRAY(SELECT json_array_elements_text(x.figure_ids)), '{}'), x.message_vi, x.message_en
FROM json_to_recordset($1::json) AS x(id text, section text, figure_ids json, message_vi text, message_en text)
