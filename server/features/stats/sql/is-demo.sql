-- Whether the database holds the demo dataset.
SELECT coalesce((SELECT value = 'true' FROM dataset_info WHERE key = 'demo'), false) AS demo
