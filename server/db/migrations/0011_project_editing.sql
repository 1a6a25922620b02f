-- Projects (issue 5): planners create projects and draw or import their footprints.
-- plan_project.id had no default (the seed loads the plan's own ids); new projects take theirs from a sequence.
-- The insert statement first moves the sequence past max(id) (the seed loads ids after this migration).
CREATE SEQUENCE plan_project_id_seq OWNED BY plan_project.id;
ALTER TABLE plan_project ALTER COLUMN id SET DEFAULT nextval('plan_project_id_seq');

-- The type vocabulary of the plan (contract ProjectType), enforced for edits as well as loads.
ALTER TABLE plan_project ADD CONSTRAINT plan_project_type_check CHECK (project_type IN (
  'industrial', 'transport', 'residential', 'education', 'culture', 'sport', 'commerce', 'energy', 'irrigation',
  'cemetery', 'environment', 'public', 'defence', 'health'));
CREATE INDEX plan_project_type_idx ON plan_project (project_type);
