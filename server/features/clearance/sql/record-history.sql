-- The step history of record $1, oldest first (dates per step, who, why).
SELECT h.step, h.step_date, h.previous_step, h.reason, h.actor, h.recorded_at
FROM clearance_step_history h
WHERE h.record_id = $1
ORDER BY h.id
