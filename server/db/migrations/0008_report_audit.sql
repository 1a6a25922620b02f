-- The report's figures (the ground truth the product reconciles against) and its data-quality notes.
CREATE TABLE report_figure (
  id         text PRIMARY KEY,
  label_vi   text NOT NULL,
  label_en   text NOT NULL,
  value      numeric,
  unit       text NOT NULL,
  section    text NOT NULL,
  decisions  text[] NOT NULL DEFAULT '{}',
  note       text,
  sort_order integer NOT NULL
);

CREATE TABLE data_quality_note (
  id         text PRIMARY KEY,
  section    text NOT NULL,
  figure_ids text[] NOT NULL DEFAULT '{}',
  message_vi text NOT NULL,
  message_en text NOT NULL
);

-- Which data the database holds: demo (seed number) or imported.
CREATE TABLE dataset_info (
  key   text PRIMARY KEY,
  value text NOT NULL
);

-- Audit log of every change: who, when, what, from which value to which. Written by triggers, so no code path
-- can forget it; append-only (updates and deletes are refused). The actor comes from the transaction setting
-- landmap.actor; bulk loads set landmap.bulk_load = 'on' and are recorded as one 'load' entry instead.
CREATE TABLE audit_log (
  id        bigserial PRIMARY KEY,
  at        timestamptz NOT NULL DEFAULT now(),
  actor     text NOT NULL,
  action    text NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'load')),
  entity    text NOT NULL,
  entity_id text,
  before    jsonb,
  after     jsonb
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id);

-- Trigger arguments name columns never to copy into the log (e.g. 'password_hash').
CREATE FUNCTION audit_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  hidden text[] := coalesce(TG_ARGV, '{}'::text[]);
  old_j jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) - hidden END;
  new_j jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) - hidden END;
  b jsonb;
  a jsonb;
BEGIN
  IF coalesce(current_setting('landmap.bulk_load', true), '') = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    -- keep only the columns that changed
    SELECT jsonb_object_agg(k, old_j -> k), jsonb_object_agg(k, new_j -> k) INTO b, a
      FROM jsonb_object_keys(new_j) AS k
     WHERE (old_j -> k) IS DISTINCT FROM (new_j -> k);
    IF b IS NULL THEN RETURN NULL; END IF;
  ELSE
    b := old_j;
    a := new_j;
  END IF;
  INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
  VALUES (coalesce(nullif(current_setting('landmap.actor', true), ''), 'system'),
          lower(TG_OP), TG_TABLE_NAME,
          coalesce(new_j ->> 'id', old_j ->> 'id', new_j ->> 'user_id', old_j ->> 'user_id'), b, a);
  RETURN NULL;
END $$;

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON admin_unit FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON party FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON parcel FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON land_right FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON certificate FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON backlog_case FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON plan_project FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON clearance_record FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON lease_contract FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON heritage_site FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON school FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON road FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON report_figure FOR EACH ROW EXECUTE FUNCTION audit_row();
