/**
 * /api/projects: the land-use-plan projects (public: no personal data except land users' names in a project's
 * touched parcels, filtered by role), the plan summary, and planner (quy_hoach) writes: create a project with a
 * footprint, change it (optimistic concurrency on version), check a footprint before saving. PostGIS validates
 * every footprint inside the write transaction; a refused one saves nothing. The audit triggers record who.
 */
import { Router } from 'express';
import type pg from 'pg';
import {
  CreateProjectBody, ErrorCode, FootprintCheckBody, ProjectIdParam, ProjectListQuery, ProjectPath, UpdateProjectBody,
  type FootprintGeometry, type ProjectDetail, type ProjectList,
} from '../../api/contract.ts';
import { withActorTransaction } from '../../db/pool.ts';
import { actorOf, allow, currentUser } from '../../http/auth.ts';
import { HttpError } from '../../http/errors.ts';
import { personalDataFor } from '../../http/personal-data.ts';
import { parse } from '../../http/validate.ts';
import { projectsRepo } from './projects.repo.ts';

type Repo = ReturnType<typeof projectsRepo>;

/** The project, its progress and what it touches; 404 when it does not exist. */
async function detail(repo: Repo, id: number): Promise<ProjectDetail> {
  const found = await repo.find(id);
  if (!found) throw new HttpError(404, ErrorCode.notFound, `Không có dự án ${id} / No project ${id}`);
  const [progress, touches] = [await repo.progress(id), await repo.touches(id)];
  return { ...found, progress, touches };
}

/** Throws 422 footprint_invalid with PostGIS's reason unless the footprint may be saved. */
async function assertFootprint(repo: Repo, geometry: FootprintGeometry): Promise<void> {
  const check = await repo.checkFootprint(geometry);
  if (!check.valid) throw new HttpError(422, ErrorCode.footprintInvalid, check.message ?? 'invalid footprint');
}

export function projectsRoutes(pool: pg.Pool): Router {
  const r = Router();
  const reads = projectsRepo(pool);

  r.get(ProjectPath.list, allow('GET /api/projects'), async (req, res) => {
    const q = parse(ProjectListQuery, req.query);
    const projects = await reads.list(q);
    const body: ProjectList = { projects, demo: projects.some((p) => p.demo) };
    res.json(body);
  });

  r.get(ProjectPath.summary, allow('GET /api/projects/summary'), async (_req, res) => {
    res.json(await reads.summary());
  });

  r.post(ProjectPath.footprintCheck, allow('POST /api/projects/footprint-check'), async (req, res) => {
    const { geometry } = parse(FootprintCheckBody, req.body);
    res.json(await reads.checkFootprint(geometry as FootprintGeometry));
  });

  r.get(`${ProjectPath.list}/:id`, allow('GET /api/projects/:id'), async (req, res) => {
    const { id } = parse(ProjectIdParam, req.params);
    res.json(personalDataFor(currentUser(req), await detail(reads, id)));
  });

  r.post(ProjectPath.list, allow('POST /api/projects'), async (req, res) => {
    const body = parse(CreateProjectBody, req.body);
    const user = currentUser(req)!;
    const out = await withActorTransaction(pool, actorOf(user), async (client) => {
      const repo = projectsRepo(client);
      await assertFootprint(repo, body.geometry as FootprintGeometry);
      const id = await repo.insert(body);
      if (id === null) throw new HttpError(409, ErrorCode.projectCodeTaken, `Mã dự án ${body.code} đã có / Project code ${body.code} exists`);
      return detail(repo, id);
    });
    res.status(201).json(personalDataFor(user, out));
  });

  r.patch(`${ProjectPath.list}/:id`, allow('PATCH /api/projects/:id'), async (req, res) => {
    const { id } = parse(ProjectIdParam, req.params);
    const body = parse(UpdateProjectBody, req.body);
    const user = currentUser(req)!;
    const out = await withActorTransaction(pool, actorOf(user), async (client) => {
      const repo = projectsRepo(client);
      if (body.geometry) await assertFootprint(repo, body.geometry as FootprintGeometry);
      if (!(await repo.update(id, body))) {
        const now = await repo.find(id);
        if (!now) throw new HttpError(404, ErrorCode.notFound, `Không có dự án ${id} / No project ${id}`);
        throw new HttpError(409, ErrorCode.versionConflict,
          `Dự án đã được người khác sửa (phiên bản ${now.project.version}); hãy tải lại / Changed by someone else (version ${now.project.version}); reload`);
      }
      return detail(repo, id);
    });
    res.json(personalDataFor(user, out));
  });
  return r;
}
