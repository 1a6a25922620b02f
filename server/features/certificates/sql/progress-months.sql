-- Per month from $1 to $2 (first days of months): certificates issued, backlog cases resolved, and cases still
-- open at the month's end (NULL for months that have not started yet).
WITH m AS (SELECT d::date AS first, (d + interval '1 month')::date AS next
           FROM generate_series($1::date, $2::date, interval '1 month') AS d)
SELECT to_char(m.first, 'YYYY-MM') AS month,
       (SELECT count(*) FROM certificate c WHERE c.issue_date >= m.first AND c.issue_date < m.next) AS issued,
       (SELECT count(*) FROM backlog_case b WHERE b.resolved_at >= m.first AND b.resolved_at < m.next) AS resolved,
       CASE WHEN m.first <= current_date THEN
         (SELECT count(*) FROM backlog_case b
          WHERE b.opened_at < m.next AND (b.resolved_at IS NULL OR b.resolved_at >= m.next)) END AS open_at_end
FROM m
ORDER BY m.first
