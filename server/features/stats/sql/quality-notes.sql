-- The report's data-quality notes.
SELECT id, section, figure_ids, message_vi, message_en FROM data_quality_note ORDER BY id
