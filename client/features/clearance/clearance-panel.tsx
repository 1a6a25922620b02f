/**
 * Sidebar panel: choose a project, see its clearance progress (area and households) and its parcels on the map
 * coloured by step, the stuck ones listed with their obstacle; print the current map view.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  CLEARANCE_OBSTACLES, CLEARANCE_STEPS, type ClearanceParcels, type ClearanceRecord, type ProjectClearance,
} from '../../../server/api/contract';
import { ApiError } from '../../api/client';
import type { MessageKey } from '../../i18n/vi';
import { useI18n } from '../../i18n/use-i18n';
import type { ClearanceOverlay } from '../../map/map-view';
import { clearancePalette } from '../../map/palette';
import { useAuth } from '../auth/use-auth';
import { formatHa, formatPct } from '../dashboard/format';
import { fetchClearanceParcels, fetchClearanceRecords, fetchDashboard } from './clearance-api';
import { RecordEditor } from './record-editor';

export interface ClearancePanelProps {
  onOverlay: (overlay: ClearanceOverlay | null) => void;
  onPrintMap: () => void;
  /** A parcel of the overlay clicked on the map. */
  picked?: { recordId: number } | null;
}

export function ClearancePanel({ onOverlay, onPrintMap, picked = null }: ClearancePanelProps) {
  const { t, lang } = useI18n();
  const { user, hasRole } = useAuth();
  const [projects, setProjects] = useState<ProjectClearance[]>([]);
  const [projectId, setProjectId] = useState<number | null>(null);
  const [parcels, setParcels] = useState<ClearanceParcels | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // records (signed in): the editor opens one; `revision` reloads progress, parcels and records after a save
  const [records, setRecords] = useState<ClearanceRecord[]>([]);
  const [editing, setEditing] = useState<ClearanceRecord | null>(null);
  const [revision, setRevision] = useState(0);
  const [find, setFind] = useState('');

  useEffect(() => {
    const ctl = new AbortController();
    fetchDashboard(ctl.signal).then(
      (d) => setProjects(d.projects.filter((p) => p.total.parcels > 0)),
      (err) => (err as Error).name !== 'AbortError' && setError(err instanceof ApiError ? err.message : String(err)),
    );
    return () => ctl.abort();
  }, [revision]);

  useEffect(() => {
    if (projectId === null || !user) {
      setParcels(null);
      setRecords([]);
      return;
    }
    const ctl = new AbortController();
    setBusy(true);
    setError(null);
    Promise.all([fetchClearanceParcels(projectId, ctl.signal), fetchClearanceRecords(projectId, ctl.signal)]).then(
      ([fc, list]) => { setParcels(fc); setRecords(list.records); setBusy(false); },
      (err) => { if ((err as Error).name !== 'AbortError') { setBusy(false); setError(err instanceof ApiError ? err.message : String(err)); } },
    );
    return () => ctl.abort();
  }, [projectId, user, revision]);
  useEffect(() => setEditing(null), [projectId]);
  // open on a new click only (not when the records reload)
  useEffect(() => {
    if (picked) setEditing(records.find((r) => r.id === picked.recordId) ?? null);
  }, [picked]);

  const labels = useMemo(() => Object.fromEntries(CLEARANCE_OBSTACLES.map((o) => [o, t(`obstacle.${o}` as MessageKey)])), [t]);
  useEffect(() => onOverlay(parcels ? { data: parcels, obstacleLabels: labels } : null), [parcels, labels, onOverlay]);

  const project = projects.find((p) => p.projectId === projectId) ?? null;
  const stuck = parcels?.features.filter((f) => f.properties.stuck) ?? [];
  const open = (recordId: number) => setEditing(records.find((r) => r.id === recordId) ?? null);
  const found = find.trim() ? records.find((r) => String(r.parcelNo) === find.trim()) : undefined;
  return (
    <section className="panel clearance-panel" aria-labelledby="clearance-heading" data-testid="clearance-panel">
      <h2 id="clearance-heading">{t('clr.panel')}</h2>
      <label className="field-label">{t('clr.project')}
        <select data-testid="clearance-project" value={projectId ?? ''} onChange={(e) => setProjectId(e.target.value ? Number(e.target.value) : null)}>
          <option value="">{t('clr.none')}</option>
          {projects.map((p) => <option key={p.projectId} value={p.projectId}>{p.code} — {p.name}</option>)}
        </select>
      </label>
      {project && (
        <p data-testid="clearance-progress">
          {t('clr.progress', { area: formatPct(project.areaPct, lang), households: formatPct(project.householdsPct, lang) })}
          {' '}({formatHa(project.handedOver.areaM2, lang)}/{formatHa(project.total.areaM2, lang)} ha)
        </p>
      )}
      {project && !user && <p className="dash-muted">{t('clr.signIn')}</p>}
      {busy && <p role="status">{t('clr.loading')}</p>}
      {error && <p className="form-error" role="alert">{t('error.server', { message: error })}</p>}
      {parcels && (
        <>
          <ul className="legend-list">
            {CLEARANCE_STEPS.map((s) => (
              <li key={s} className="legend-entry"><span className="swatch swatch-fill" style={{ ['--swatch' as string]: clearancePalette.step[s] }} aria-hidden />{t(`step.${s}` as MessageKey)}</li>
            ))}
            <li className="legend-entry"><span className="swatch swatch-line" style={{ ['--swatch' as string]: clearancePalette.stuck }} aria-hidden />{t('clr.stuckLegend')}</li>
          </ul>
          <h3>{t('clr.stuckList', { n: stuck.length })}</h3>
          <ul className="stuck-list" data-testid="stuck-list">
            {stuck.slice(0, 50).map((f) => (
              <li key={f.properties.recordId}>
                <button type="button" className="link-button" onClick={() => open(f.properties.recordId)}>
                  {t('clr.parcel', { parcelNo: f.properties.parcelNo, mapSheetNo: f.properties.mapSheetNo })}
                </button>: <span className="stuck-text">{f.properties.obstacle ? labels[f.properties.obstacle] : ''}</span>
                {' '}<span className="dash-muted">({t(`step.${f.properties.step}` as MessageKey)})</span>
              </li>
            ))}
          </ul>
          <label className="field-label">{t('clr.find')}
            <input inputMode="numeric" value={find} onChange={(e) => setFind(e.target.value)} data-testid="record-find" />
          </label>
          {find.trim() && (found
            ? <button type="button" onClick={() => setEditing(found)}>{t('clr.open', { parcelNo: found.parcelNo, mapSheetNo: found.mapSheetNo })}</button>
            : <p className="dash-muted">{t('clr.notFound')}</p>)}
          {editing && (
            <RecordEditor record={editing} canEdit={hasRole('gpmb')} onClose={() => setEditing(null)}
              onSaved={(r) => { setEditing(r); setRevision((n) => n + 1); }} />
          )}
        </>
      )}
      <button type="button" data-testid="print-map" onClick={onPrintMap}>{t('clr.printMap')}</button>
    </section>
  );
}
