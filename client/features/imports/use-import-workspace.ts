/**
 * The import as the app shell uses it: whether the drawer is open, the job, the row selected in the table or
 * on the map, and the preview handed to MapView. Closing the drawer discards an import not yet committed.
 */
import { useCallback, useMemo, useState } from 'react';
import type { ImportLayer } from '../../../server/api/contract';
import type { ImportPreview } from '../../map/import-preview';
import { useAuth } from '../auth/use-auth';
import { importLayersFor } from './import-text';
import { useImportJob, type ImportJobState } from './use-import-job';

export interface ImportWorkspace {
  /** layers the signed-in user may import into (empty: no entry shown) */
  layers: ImportLayer[];
  open: boolean;
  setOpen: (open: boolean) => void;
  close: () => void;
  state: ImportJobState;
  selectedSeq: number | null;
  select: (seq: number) => void;
  /** for MapView: the preview while a job is analysed and not yet written, else null */
  preview: ImportPreview | null;
}

/** onOpened: the drawer opened (the app closes the details panel, so the map is free for the preview). */
export function useImportWorkspace(onCommitted: (layer: ImportLayer) => void, onOpened?: () => void): ImportWorkspace {
  const { hasRole } = useAuth();
  const layers = useMemo(() => importLayersFor(hasRole), [hasRole]);
  const [open, setOpenState] = useState(false);
  const setOpen = useCallback((next: boolean) => {
    setOpenState(next);
    if (next) onOpened?.();
  }, [onOpened]);
  const [selectedSeq, setSelectedSeq] = useState<number | null>(null);
  const state = useImportJob(onCommitted);
  const { step, features, discard } = state;
  const job = step.kind === 'job' ? step.job : null;
  const close = useCallback(() => {
    // nothing is written before the commit: leaving the drawer drops the upload on the server too; a commit
    // under way goes on (reopening the drawer shows its result)
    if (job?.state === 'committing') return setOpen(false);
    if (job && job.state !== 'committed' && job.state !== 'discarded') discard();
    else state.reset();
    setSelectedSeq(null);
    setOpen(false);
  }, [job, discard, state, setOpen]);
  const showing = open && job?.state === 'ready' && features !== null;
  const preview = useMemo<ImportPreview | null>(() => (showing && features
    ? { data: features, extent: job?.extent ?? null, selectedSeq, onFeatureClick: setSelectedSeq }
    : null), [showing, features, job?.extent, selectedSeq]);
  return { layers, open: open && layers.length > 0, setOpen, close, state, selectedSeq, select: setSelectedSeq, preview };
}
