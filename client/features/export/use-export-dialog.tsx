/**
 * The export dialog's place in the workspace: which layer/scope it opened on, the map's view extent (kept in a ref:
 * read when the dialog opens, so panning does not re-render the workspace), and the dialog wired to the certificates
 * panel's filter and the open project.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { LayerInfo } from '../../../server/api/contract';
import type { CertificatesState } from '../certificates/use-certificates';
import type { ProjectWorkspace } from '../projects/use-project-workspace';
import { ExportDialog, type ExportPreset } from './export-dialog';

type Bbox = [number, number, number, number];

export interface ExportDialogState {
  opened: (ExportPreset & { viewBbox: Bbox | null }) | null;
  open: (preset: ExportPreset) => void;
  close: () => void;
  /** For MapView's onViewBounds. */
  setViewBbox: (bbox: Bbox) => void;
}

export function useExportDialog(): ExportDialogState {
  const view = useRef<Bbox | null>(null);
  const [opened, setOpened] = useState<ExportDialogState['opened']>(null);
  const open = useCallback((p: ExportPreset) => setOpened({ ...p, viewBbox: view.current }), []);
  const close = useCallback(() => setOpened(null), []);
  const setViewBbox = useCallback((b: Bbox) => { view.current = b; }, []);
  return useMemo(() => ({ opened, open, close, setViewBbox }), [opened, open, close, setViewBbox]);
}

/** The dialog when open, with the register filter (and its count) and the open project as "lựa chọn hiện tại". */
export function ExportEntry({ state, layers, cert, projects }: {
  state: ExportDialogState; layers: LayerInfo[]; cert: CertificatesState; projects: ProjectWorkspace;
}) {
  if (!state.opened) return null;
  const d = projects.detail?.status === 'ready' ? projects.detail.data : null;
  const project = projects.selectedId !== null && d ? { id: projects.selectedId, label: `${d.project.code} — ${d.project.name}` } : null;
  return (
    <ExportDialog preset={state.opened} layers={layers} viewBbox={state.opened.viewBbox}
      filter={cert.filter} filterCount={cert.data?.counts.total ?? null} project={project} onClose={state.close} />
  );
}
