/** Loads the layer catalogue once (and again on retry); keeps the loading/error state readable. */
import { useCallback, useEffect, useState } from 'react';
import type { LayerInfo } from '../../../server/api/contract';
import { ApiError, fetchLayers } from '../../api/client';

export type LayerListState =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'ready'; layers: LayerInfo[]; basemapStyleUrl: string | null };

export function useLayerList(): { state: LayerListState; retry: () => void } {
  const [state, setState] = useState<LayerListState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const ctrl = new AbortController();
    setState({ status: 'loading' });
    fetchLayers(ctrl.signal)
      .then(({ layers, basemapStyleUrl }) => setState({ status: 'ready', layers, basemapStyleUrl }))
      .catch((err: unknown) => {
        if (ctrl.signal.aborted) return;
        const error = err instanceof ApiError ? err : new ApiError(0, 'bad_response', String(err));
        setState({ status: 'error', error });
      });
    return () => ctrl.abort();
  }, [attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
