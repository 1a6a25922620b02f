/** State the map shares with the clearance panel: the GPMB overlay, and the snapshot of the view being printed. */
import { useCallback, useState } from 'react';
import type { ClearanceOverlay, MapSnapshot } from '../../map/map-view';

export function useClearanceMap() {
  const [overlay, setOverlay] = useState<ClearanceOverlay | null>(null);
  const [snapshotRequest, setSnapshotRequest] = useState(0);
  const [snapshot, setSnapshot] = useState<MapSnapshot | null>(null);
  const requestPrint = useCallback(() => setSnapshotRequest((n) => n + 1), []);
  const closePrint = useCallback(() => setSnapshot(null), []);
  // a parcel of the overlay clicked on the map: the panel opens its record (a new object each click, so the same
  // parcel clicked twice opens again)
  const [picked, setPicked] = useState<{ recordId: number } | null>(null);
  const pickRecord = useCallback((recordId: number) => setPicked({ recordId }), []);
  return { overlay, setOverlay, snapshotRequest, requestPrint, snapshot, setSnapshot, closePrint, picked, pickRecord };
}
