-- Record a fact about the loaded data (e.g. demo = 'true', demo_seed = '20250701').
INSERT INTO dataset_info (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value
