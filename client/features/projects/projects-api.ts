/** Calls of the projects API, answers validated against the contract. */
import {
  DeletedProject, FootprintCheck, PlanSummary, ProjectList, ProjectPath,
  type CreateProjectBody, type FootprintGeometry, type ProjectDetail, type ProjectListQuery, type UpdateProjectBody,
} from '../../../server/api/contract';
import { ApiError, getJson, sendJson } from '../../api/client';

function check<T>(schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } }, v: unknown, what: string): T {
  const r = schema.safeParse(v);
  if (!r.success) throw new ApiError(200, 'bad_response', `Unexpected ${what}: ${r.error.issues[0]?.message}`);
  return r.data;
}

/** GET /api/projects with the filters that are set. */
export async function fetchProjects(q: ProjectListQuery, signal?: AbortSignal): Promise<ProjectList> {
  const params = new URLSearchParams(Object.entries(q).filter(([, v]) => v) as [string, string][]);
  const qs = params.toString();
  return check(ProjectList, await getJson(`${ProjectPath.list}${qs ? `?${qs}` : ''}`, signal), 'project list');
}

export async function fetchPlanSummary(signal?: AbortSignal): Promise<PlanSummary> {
  return check(PlanSummary, await getJson(ProjectPath.summary, signal), 'plan summary');
}

/** One project with what it touches (its parcels' land users' names only for roles that may see them). */
export async function fetchProject(id: number, signal?: AbortSignal): Promise<ProjectDetail> {
  return (await getJson(ProjectPath.one(id), signal)) as ProjectDetail;
}

export async function createProject(body: CreateProjectBody): Promise<ProjectDetail> {
  return (await sendJson('POST', ProjectPath.list, body)) as ProjectDetail;
}

export async function updateProject(id: number, body: UpdateProjectBody): Promise<ProjectDetail> {
  return (await sendJson('PATCH', ProjectPath.one(id), body)) as ProjectDetail;
}

/** Delete a project at the version the planner saw (409 version_conflict / project_has_clearance otherwise). */
export async function deleteProject(id: number, version: number): Promise<DeletedProject> {
  return check(DeletedProject, await sendJson('DELETE', `${ProjectPath.one(id)}?version=${version}`), 'delete answer');
}

/** The server's verdict on a footprint before saving (valid polygon, in the ward, plausible size). */
export async function checkFootprint(geometry: FootprintGeometry): Promise<FootprintCheck> {
  return check(FootprintCheck, await sendJson('POST', ProjectPath.footprintCheck, { geometry }), 'footprint check');
}
