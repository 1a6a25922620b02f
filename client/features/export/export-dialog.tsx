/**
 * "Xuất dữ liệu": one layer, or the current selection of it, as a file — định dạng (GeoJSON, Shapefile, GeoPackage,
 * CSV, Excel), hệ tọa độ (WGS 84 or VN-2000 TM-3 105°30′ / 105°45′) and phạm vi (toàn bộ lớp, khung nhìn hiện tại,
 * lựa chọn hiện tại: the register filter or an open project's parcels). The file is fetched as a Blob so an error
 * stays in the dialog; the bytes received are shown while the server streams.
 */
import { useEffect, useRef, useState } from 'react';
import type { LayerExportCrs, LayerExportFormat, LayerId, LayerInfo, RegisterFilterInput } from '../../../server/api/contract';
import { ApiError } from '../../api/client';
import type { MessageKey } from '../../i18n/vi';
import { useI18n } from '../../i18n/use-i18n';
import { DemoBadge } from '../layers/demo-badge';
import { downloadExport, saveBlob, type ExportScope } from './export-api';

export type ScopeKind = ExportScope['kind'];
/** Which layer the dialog opens on, and the scope it preselects. */
export interface ExportPreset { layer: LayerId; scope?: ScopeKind }

export interface ExportDialogProps {
  preset: ExportPreset;
  layers: LayerInfo[];
  /** The map's visible extent (EPSG:4326), null before the map reported one. */
  viewBbox: [number, number, number, number] | null;
  /** The certificates panel's filter and how many parcels it selects (null: not known yet). */
  filter: RegisterFilterInput;
  filterCount: number | null;
  /** The open project, if any. */
  project: { id: number; label: string } | null;
  onClose: () => void;
}

const FORMATS: LayerExportFormat[] = ['geojson', 'shp', 'gpkg', 'csv', 'xlsx'];
const CRSS: LayerExportCrs[] = ['4326', '9209', '9210'];

type Status =
  | { kind: 'idle' }
  | { kind: 'working'; bytes: number }
  | { kind: 'done'; name: string; bytes: number }
  | { kind: 'error'; message: string };

const hasFilter = (f: RegisterFilterInput) => Object.values(f).some((v) => (Array.isArray(v) ? v.length > 0 : Boolean(v)));

/** The scopes open for this layer now, in the order shown. */
function scopesFor(layer: LayerId, p: ExportDialogProps): ScopeKind[] {
  const out: ScopeKind[] = ['all'];
  if (p.viewBbox) out.push('view');
  if (layer === 'parcels' && hasFilter(p.filter)) out.push('filter');
  if (layer === 'parcels' && p.project) out.push('project');
  return out;
}

function scopeOf(kind: ScopeKind, p: ExportDialogProps): ExportScope {
  if (kind === 'view' && p.viewBbox) return { kind, bbox: p.viewBbox };
  if (kind === 'filter') return { kind, filter: p.filter };
  if (kind === 'project' && p.project) return { kind, projectId: p.project.id };
  return { kind: 'all' };
}

export function ExportDialog(props: ExportDialogProps) {
  const { t, lang } = useI18n();
  const { layers, preset, onClose } = props;
  const [layer, setLayer] = useState<LayerId>(preset.layer);
  const [format, setFormat] = useState<LayerExportFormat>('geojson');
  const [crs, setCrs] = useState<LayerExportCrs>('4326');
  const scopes = scopesFor(layer, props);
  const [scope, setScope] = useState<ScopeKind>(preset.scope ?? 'all');
  const current = scopes.includes(scope) ? scope : 'all';
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const ctl = useRef<AbortController | null>(null);
  useEffect(() => () => ctl.current?.abort(), []);
  // a finished or failed export's message no longer describes the file once a choice changes
  useEffect(() => setStatus((st) => (st.kind === 'working' ? st : { kind: 'idle' })), [layer, format, crs, scope]);
  const info = layers.find((l) => l.id === layer);
  const num = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
  const size = (b: number) => (b < 1e6 ? `${num.format(b / 1e3)} kB` : `${num.format(b / 1e6)} MB`);

  async function start() {
    ctl.current?.abort();
    const c = new AbortController();
    ctl.current = c;
    setStatus({ kind: 'working', bytes: 0 });
    try {
      const { blob, name } = await downloadExport({ layer, format, crs, scope: scopeOf(current, props) }, (bytes) => setStatus({ kind: 'working', bytes }), c.signal);
      saveBlob(blob, name);
      setStatus({ kind: 'done', name, bytes: blob.size });
    } catch (err) {
      if (c.signal.aborted) return setStatus({ kind: 'idle' });
      setStatus({ kind: 'error', message: err instanceof ApiError ? `${err.message} (${err.code})` : String(err) });
    }
  }
  const working = status.kind === 'working';
  const scopeLabel = (k: ScopeKind) => t(`export.scope.${k}` as MessageKey, {
    n: props.filterCount === null ? '…' : num.format(props.filterCount), project: props.project?.label ?? '',
  });

  return (
    <div className="export-backdrop" role="presentation" onClick={(e) => e.target === e.currentTarget && !working && onClose()}>
      <section className="export-dialog" role="dialog" aria-modal="true" aria-labelledby="export-title" data-testid="export-dialog"
        onKeyDown={(e) => e.key === 'Escape' && !working && onClose()}>
        <h2 id="export-title">{t('export.title')}</h2>
        <ExportFields layers={layers} choice={{ layer, format, crs, scope: current }} scopes={scopes} scopeLabel={scopeLabel} disabled={working}
          onLayer={setLayer} onFormat={setFormat} onCrs={setCrs} onScope={setScope} />
        {info?.demo && <p className="export-note" data-testid="export-demo-note"><DemoBadge /> {t('export.demoNote')}</p>}
        <p className="export-note">{t('export.noPersonal')}</p>
        <div className="export-status" aria-live="polite" data-testid="export-status" data-status={status.kind}>
          {working && <p>{t('export.preparing')} {status.bytes > 0 && t('export.received', { size: size(status.bytes) })}</p>}
          {status.kind === 'done' && <p>{t('export.done', { name: status.name, size: size(status.bytes) })}</p>}
          {status.kind === 'error' && <p className="form-error" role="alert" data-testid="export-error">{t('export.failed', { message: status.message })}</p>}
        </div>
        <div className="export-actions">
          {working
            ? <button type="button" onClick={() => ctl.current?.abort()}>{t('export.stop')}</button>
            : <button type="button" className="primary-button" data-testid="export-start" onClick={start}>{t('export.start')}</button>}
          <button type="button" data-testid="export-close" onClick={onClose} disabled={working}>{t('export.close')}</button>
        </div>
      </section>
    </div>
  );
}

interface FieldsProps {
  layers: LayerInfo[];
  choice: { layer: LayerId; format: LayerExportFormat; crs: LayerExportCrs; scope: ScopeKind };
  scopes: ScopeKind[];
  scopeLabel: (k: ScopeKind) => string;
  disabled: boolean;
  onLayer: (l: LayerId) => void;
  onFormat: (f: LayerExportFormat) => void;
  onCrs: (c: LayerExportCrs) => void;
  onScope: (k: ScopeKind) => void;
}

/** Lớp dữ liệu, định dạng, hệ tọa độ, phạm vi. */
function ExportFields({ layers, choice, scopes, scopeLabel, disabled, onLayer, onFormat, onCrs, onScope }: FieldsProps) {
  const { t, lang } = useI18n();
  return (
    <>
      <label className="export-field">
        <span>{t('export.layer')}</span>
        <select data-testid="export-layer" value={choice.layer} disabled={disabled} onChange={(e) => onLayer(e.target.value as LayerId)}>
          {layers.map((l) => <option key={l.id} value={l.id}>{l.title[lang]}</option>)}
        </select>
      </label>
      <fieldset className="export-field" disabled={disabled}>
        <legend>{t('export.format')}</legend>
        {FORMATS.map((f) => (
          <label key={f}><input type="radio" name="export-format" data-testid={`export-format-${f}`} checked={choice.format === f} onChange={() => onFormat(f)} />{t(`export.format.${f}` as MessageKey)}</label>
        ))}
      </fieldset>
      <label className="export-field">
        <span>{t('export.crs')}</span>
        <select data-testid="export-crs" value={choice.crs} disabled={disabled} onChange={(e) => onCrs(e.target.value as LayerExportCrs)}>
          {CRSS.map((c) => <option key={c} value={c}>{t(`export.crs.${c}` as MessageKey)}</option>)}
        </select>
      </label>
      <fieldset className="export-field" disabled={disabled}>
        <legend>{t('export.scope')}</legend>
        {scopes.map((k) => (
          <label key={k}><input type="radio" name="export-scope" data-testid={`export-scope-${k}`} checked={choice.scope === k} onChange={() => onScope(k)} />{scopeLabel(k)}</label>
        ))}
      </fieldset>
    </>
  );
}
