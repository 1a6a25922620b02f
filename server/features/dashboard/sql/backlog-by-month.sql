-- Backlog cases resolved per month (months without a resolution are absent).
SELECT to_char(date_trunc('month', resolved_at), 'YYYY-MM') AS month, count(*) AS resolved
FROM backlog_case
WHERE resolved_at IS NOT NULL
GROUP BY 1
ORDER BY 1
