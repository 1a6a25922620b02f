-- Site clearance (GPMB, issue 6): the history of every step a record went through (dates per step), an
-- obstacle note, the reason of the last change, and the step-order rule enforced in the database as well as
-- in the API: notice → inventory → plan_approved → compensated → handed_over; going back needs a reason.

ALTER TABLE clearance_record
  ADD COLUMN obstacle_note text CHECK (length(obstacle_note) <= 500),
  ADD COLUMN step_reason   text CHECK (length(step_reason) <= 500),
  ADD COLUMN updated_at    timestamptz NOT NULL DEFAULT now();

-- Position of a step in the order Vietnamese practice runs them (1 = notice … 5 = handed_over).
CREATE FUNCTION clearance_step_rank(step text) RETURNS integer
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT array_position(ARRAY['notice', 'inventory', 'plan_approved', 'compensated', 'handed_over'], step) $$;

-- One row each time a record reaches a step (or its date is corrected): the per-step dates and who did it.
-- Rows are never updated; they go only with their record (ON DELETE CASCADE).
CREATE TABLE clearance_step_history (
  id            bigserial PRIMARY KEY,
  record_id     bigint NOT NULL REFERENCES clearance_record (id) ON DELETE CASCADE,
  step          text NOT NULL CHECK (clearance_step_rank(step) IS NOT NULL),
  step_date     date NOT NULL,
  previous_step text CHECK (previous_step IS NULL OR clearance_step_rank(previous_step) IS NOT NULL),
  reason        text,
  actor         text NOT NULL,
  recorded_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX clearance_step_history_record_idx ON clearance_step_history (record_id, id);

CREATE FUNCTION clearance_history_no_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'clearance_step_history is append-only';
END $$;
CREATE TRIGGER clearance_history_no_update BEFORE UPDATE ON clearance_step_history
  FOR EACH ROW EXECUTE FUNCTION clearance_history_no_update();

-- A step may not go backwards without a reason (the API checks first and answers 400; this guards every path).
CREATE FUNCTION clearance_step_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF clearance_step_rank(NEW.step) < clearance_step_rank(OLD.step)
     AND nullif(btrim(coalesce(NEW.step_reason, '')), '') IS NULL THEN
    RAISE EXCEPTION 'clearance step % → % needs a reason', OLD.step, NEW.step USING ERRCODE = 'check_violation';
  END IF;
  NEW.updated_at := now();
  RETURN NEW;
END $$;
CREATE TRIGGER clearance_step_order BEFORE UPDATE ON clearance_record
  FOR EACH ROW EXECUTE FUNCTION clearance_step_order();

-- Every insert, and every change of step or step date, appends a history row (also during bulk loads: the
-- history is data, not the audit log, which records the same changes with before/after values).
CREATE FUNCTION clearance_step_log() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.step = NEW.step AND OLD.step_date = NEW.step_date THEN
    RETURN NULL;
  END IF;
  INSERT INTO clearance_step_history (record_id, step, step_date, previous_step, reason, actor)
  VALUES (NEW.id, NEW.step, NEW.step_date,
          CASE WHEN TG_OP = 'UPDATE' THEN OLD.step END,
          CASE WHEN TG_OP = 'UPDATE' THEN NEW.step_reason END,
          coalesce(nullif(current_setting('landmap.actor', true), ''), 'system'));
  RETURN NULL;
END $$;
CREATE TRIGGER clearance_step_log AFTER INSERT OR UPDATE ON clearance_record
  FOR EACH ROW EXECUTE FUNCTION clearance_step_log();

-- Records loaded before this migration start their history at their current step.
INSERT INTO clearance_step_history (record_id, step, step_date, actor)
SELECT id, step, step_date, 'system' FROM clearance_record ORDER BY id;
