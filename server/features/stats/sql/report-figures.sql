-- The report's figures in report order.
SELECT id, label_vi, label_en, value, unit, section, decisions FROM report_figure ORDER BY sort_order
