/**
 * /api/projects: the land-use-plan projects (public: no personal data except land users' names in a project's
 * touched parcels, filtered by role), the plan summary, and planner (quy_hoach) writes: create a project with a
 * footprint, change it (optimistic concurrency on version), check a footprint before saving, delete it (same
 * version check; refused while it has site-clearance records). PostGIS validates
 * every footprint inside the write transaction; a refused one saves nothing. The audit triggers record who.
 */
import { Router } from 'express';
import type pg from 'pg';
import {
  CreateProjectBody, DeleteProjectQuery, ErrorCode, FootprintCheckBody, ProjectIdParam, ProjectListQuery, ProjectPath, UpdateProjectBody,
  type DeletedProject, type FootprintGeometry, type ProjectDetail, type ProjectList,
} from '../../api/contract.ts';
import { withActorTransaction } from '../../db/pool.ts';
import { actorOf, allow, currentUser } from '../../http/auth.ts';
import { HttpError } from '../../http/errors.ts';
import { personalDataFor } from '../../http/personal-data.ts';
import { parse } from '../../http/validate.ts';
import { projectsRepo } from './projects.repo.ts';

type Repo = ReturnType<typeof projectsRepo>;

const notFound = (id: number) => new HttpError(404, ErrorCode.notFound, `Không có dự án ${id} / No project ${id}`);
const stale = (version: number) => new HttpError(409, ErrorCode.versionConflict,
  `Dự án đã được người khác sửa (phiên bản ${version}); hãy tải lại / Changed by someone else (version ${version}); reload`);

/** The project, its progress and what it touches; 404 when it does not exist. */
async function detail(repo: Repo, id: number): Promise<ProjectDetail> {
  const found = await repo.find(id);
  if (!found) throw notFound(id);
  const [progress, touches] = [await repo.progress(id), await repo.touches(id)];
  return { ...found, progress, touches };
}

/** Deletes project id at version inside the caller's transaction, or throws 404 / 409 with the reason. */
async function deleteProject(repo: Repo, id: number, version: number): Promise<DeletedProject> {
  const blockers = await repo.deleteBlockers(id); // locks the row: no clearance record can arrive meanwhile
  if (!blockers) throw notFound(id);
  if (blockers.clearanceRecords > 0) {
    throw new HttpError(409, ErrorCode.projectHasClearance,
      `Dự án đã có ${blockers.clearanceRecords} hồ sơ giải phóng mặt bằng; đây là tiến độ pháp lý nên không thể xóa dự án ` +
      `/ The project has ${blockers.clearanceRecords} site-clearance records; they are legal progress, so it cannot be deleted`);
  }
  if (blockers.version !== version) throw stale(blockers.version);
  const gone = await repo.delete(id, version);
  if (!gone) throw new Error(`project ${id} locked at version ${version} but not deleted`);
  return gone;
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
        if (!now) throw notFound(id);
        throw stale(now.project.version);
      }
      return detail(repo, id);
    });
    res.json(personalDataFor(user, out));
  });

  // a project created by mistake goes with its parcel links (ON DELETE CASCADE); the audit keeps the whole row
  r.delete(`${ProjectPath.list}/:id`, allow('DELETE /api/projects/:id'), async (req, res) => {
    const { id } = parse(ProjectIdParam, req.params);
    const { version } = parse(DeleteProjectQuery, req.query);
    const user = currentUser(req)!;
    const out = await withActorTransaction(pool, actorOf(user), (client) => deleteProject(projectsRepo(client), id, version));
    res.json(out);
  });
  return r;
}
