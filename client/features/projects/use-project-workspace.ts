/**
 * State of the projects workspace: list filters and the list, the plan summary, the open project and its
 * detail, the footprint editor, and what the map should do (fly to, draw, reload the projects layer).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useAuth } from '../auth/use-auth';
import type {
  FootprintGeometry, PlanSummary, ProjectDetail, ProjectListQuery, ProjectSummary,
} from '../../../server/api/contract';
import type { ApiError } from '../../api/client';
import type { FootprintDraw } from '../../map/footprint-draw';
import { fetchPlanSummary, fetchProject, fetchProjects } from './projects-api';

export type Loadable<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: ApiError };

/** The editor: a new project, or the footprint of an existing one (with the version it was read at). */
export type EditorTarget = { kind: 'new' } | { kind: 'edit'; project: ProjectSummary; geometry: FootprintGeometry };

export interface ProjectWorkspace {
  query: ProjectListQuery;
  setQuery: (q: ProjectListQuery) => void;
  list: Loadable<ProjectSummary[]>;
  summary: Loadable<PlanSummary>;
  selectedId: number | null;
  detail: Loadable<ProjectDetail> | null;
  open: (p: ProjectSummary) => void;
  openById: (id: number) => void;
  close: () => void;
  /** Forget the open project without touching the map selection (another feature was picked). */
  deselect: () => void;
  editor: EditorTarget | null;
  startEditor: (target: EditorTarget) => void;
  stopEditor: () => void;
  /** Called after a save: reloads the list, the summary and the map layer, and opens the saved project. */
  saved: (d: ProjectDetail) => void;
  /** For MapView. */
  draw: FootprintDraw | null;
  setDraw: (d: FootprintDraw | null) => void;
  revision: number;
  /** Reload the list, the summary and the map layer (after an import wrote projects). */
  refresh: () => void;
}

function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): Loadable<T> {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  useEffect(() => {
    const ctl = new AbortController();
    setState({ status: 'loading' });
    load(ctl.signal).then(
      (data) => !ctl.signal.aborted && setState({ status: 'ready', data }),
      (error: ApiError) => !ctl.signal.aborted && error.name !== 'AbortError' && setState({ status: 'error', error }),
    );
    return () => ctl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}

/** onClosed: the panel was closed (clear the map selection); setFocus: fly the map to an extent (EPSG:4326). */
export function useProjectWorkspace(onClosed: () => void, setFocus: (f: { bbox: [number, number, number, number] }) => void): ProjectWorkspace {
  const [query, setQuery] = useState<ProjectListQuery>({});
  const [revision, setRevision] = useState(0);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [editor, setEditor] = useState<EditorTarget | null>(null);
  const [draw, setDraw] = useState<FootprintDraw | null>(null);
  const list = useLoad((s) => fetchProjects(query, s).then((r) => r.projects), [query, revision]);
  const summary = useLoad((s) => fetchPlanSummary(s), [revision]);
  // the detail names land users for some roles only: reload it when the signed-in user changes
  const viewer = useAuth().user?.username ?? null;
  const detailState = useLoad((s) => (selectedId === null ? Promise.resolve(null) : fetchProject(selectedId, s)), [selectedId, revision, viewer]);
  const detail = selectedId === null ? null : (detailState as Loadable<ProjectDetail>);

  const open = useCallback((p: ProjectSummary) => {
    setSelectedId(p.id);
    setFocus({ bbox: p.bbox });
  }, [setFocus]);
  const openById = useCallback((id: number) => setSelectedId(id), []);
  const deselect = useCallback(() => setSelectedId(null), []);
  const close = useCallback(() => {
    setSelectedId(null);
    onClosed();
  }, [onClosed]);
  const stopEditor = useCallback(() => {
    setEditor(null);
    setDraw(null);
  }, []);
  const saved = useCallback((d: ProjectDetail) => {
    setEditor(null);
    setDraw(null);
    setSelectedId(d.project.id);
    setRevision((r) => r + 1);
  }, []);

  const refresh = useCallback(() => setRevision((r) => r + 1), []);

  return useMemo(() => ({
    query, setQuery, list, summary, selectedId, detail, open, openById, close, deselect,
    editor, startEditor: setEditor, stopEditor, saved, draw, setDraw, revision, refresh,
  }), [query, list, summary, selectedId, detail, open, openById, close, deselect, editor, stopEditor, saved, draw, revision, refresh]);
}
