/**
 * The footprint editor (planners): draw a new footprint or edit an existing one on the map, or import one from
 * a GeoJSON / zipped Shapefile (EPSG:4326, VN-2000 105°30′ or 105°45′); area and perimeter shown as it changes;
 * save sends it to the server, which validates it with PostGIS and recomputes what the project touches.
 * A refused save keeps everything on screen (footprint and form) with the server's reason.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { MultiPolygon, Polygon } from 'geojson';
import { PROJECT_STATUSES, ProjectType, type ImportCrs, type ProjectDetail } from '../../../server/api/contract';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n/use-i18n';
import type { FootprintDraw } from '../../map/footprint-draw';
import { readFootprintFile, type CrsChoice } from './import-footprint';
import { areaVn2000M2, formatArea, perimeterM } from './measure';
import { label } from './project-list';
import { createProject, updateProject } from './projects-api';
import type { EditorTarget, ProjectWorkspace } from './use-project-workspace';

type Footprint = Polygon | MultiPolygon;
interface Form { code: string; name: string; type: string; status: string; plannedHa: string }
const CRS_CHOICES: { value: CrsChoice; key: 'proj.crsAuto' | 'proj.crs4326' | 'proj.crs9209' | 'proj.crs9210' }[] = [
  { value: 'auto', key: 'proj.crsAuto' }, { value: 'EPSG:4326', key: 'proj.crs4326' },
  { value: 'EPSG:9209', key: 'proj.crs9209' }, { value: 'EPSG:9210', key: 'proj.crs9210' },
];

/** Keeps the map's drawing in step with the editor: (re)starts it with `initial` whenever that changes. */
function useDrawing(ws: ProjectWorkspace, target: EditorTarget, initial: Footprint | null) {
  const [shape, setShape] = useState<{ geometry: Footprint | null; closed: boolean }>({ geometry: initial, closed: true });
  const onChange = useCallback((geometry: Footprint | null, closed: boolean) => setShape({ geometry, closed }), []);
  const { setDraw } = ws;
  useEffect(() => {
    const draw: FootprintDraw = { mode: target.kind === 'new' && !initial ? 'draw' : 'edit', initial, onChange };
    setDraw(draw);
    setShape({ geometry: initial, closed: true });
  }, [setDraw, target, initial, onChange]);
  return shape;
}

function ImportBox({ onImported }: { onImported: (g: Footprint) => void }) {
  const { t } = useI18n();
  const [crs, setCrs] = useState<CrsChoice>('auto');
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setNote({ ok: true, text: t('proj.reading') });
    const r = await readFootprintFile(file.name, new Uint8Array(await file.arrayBuffer()), crs);
    if (!r.ok) {
      setNote({ ok: false, text: t('proj.importFailed', { reason: `${t(`proj.import.${r.reason}`)} (${r.detail})` }) });
      return;
    }
    setNote({ ok: true, text: t('proj.imported', { n: r.polygons, file: file.name, crs: r.crs as ImportCrs }) });
    onImported(r.geometry);
  };
  return (
    <fieldset className="footprint-import">
      <legend>{t('proj.file')}</legend>
      <label>{t('proj.crs')}
        <select value={crs} data-testid="footprint-crs" onChange={(e) => setCrs(e.target.value as CrsChoice)}>
          {CRS_CHOICES.map((c) => <option key={c.value} value={c.value}>{t(c.key)}</option>)}
        </select>
      </label>
      <input type="file" accept=".geojson,.json,.zip" data-testid="footprint-file" onChange={(e) => void onFile(e.target.files?.[0])} />
      {note && <p className={note.ok ? 'muted' : 'form-error'} role={note.ok ? 'status' : 'alert'}>{note.text}</p>}
    </fieldset>
  );
}

function NewProjectFields({ form, setForm, areaM2 }: { form: Form; setForm: (f: Form) => void; areaM2: number | null }) {
  const { t, tryT } = useI18n();
  const field = (key: keyof Form, title: string, extra: Record<string, string> = {}, required = true) => (
    <label>{title}<input required={required} value={form[key]} data-testid={`project-field-${key}`} {...extra}
      onChange={(e) => setForm({ ...form, [key]: e.target.value })} /></label>
  );
  return (
    <div className="footprint-fields">
      {field('code', t('proj.fieldCode'), { maxLength: '40' })}
      {field('name', t('proj.fieldName'), { maxLength: '300' })}
      <label>{t('proj.type')}<select value={form.type} onChange={(e) => setForm({ ...form, type: e.target.value })}>
        {ProjectType.options.map((v) => <option key={v} value={v}>{label(tryT, 'projectType', v)}</option>)}</select></label>
      <label>{t('proj.status')}<select value={form.status} onChange={(e) => setForm({ ...form, status: e.target.value })}>
        {PROJECT_STATUSES.map((v) => <option key={v} value={v}>{label(tryT, 'projectStatus', v)}</option>)}</select></label>
      {field('plannedHa', t('proj.fieldPlannedHa'), { inputMode: 'decimal', placeholder: areaM2 ? (areaM2 / 1e4).toFixed(4) : '' }, false)}
    </div>
  );
}

async function save(target: EditorTarget, geometry: Footprint, form: Form, areaM2: number): Promise<ProjectDetail> {
  if (target.kind === 'edit') return updateProject(target.project.id, { version: target.project.version, geometry });
  const planned = Number(form.plannedHa.replace(',', '.')) || Math.round(areaM2 / 100) / 100;
  return createProject({
    code: form.code.trim(), name: form.name.trim(), type: form.type as ProjectType, status: form.status as 'planned',
    plannedAreaHa: planned, geometry,
  });
}

export function FootprintEditor({ ws, target }: { ws: ProjectWorkspace; target: EditorTarget }) {
  const { t, lang } = useI18n();
  const [initial, setInitial] = useState<Footprint | null>(target.kind === 'edit' ? target.geometry : null);
  const shape = useDrawing(ws, target, initial);
  const [form, setForm] = useState<Form>({ code: '', name: '', type: 'residential', status: 'planned', plannedHa: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const g = shape.geometry;
  const areaM2 = g ? areaVn2000M2(g) : null;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!g) return setError(t('proj.noFootprint'));
    if (!shape.closed) return setError(t('proj.notClosed'));
    setBusy(true);
    setError(null);
    try {
      ws.saved(await save(target, g, form, areaM2 ?? 0));
    } catch (err) {
      const e2 = err as ApiError;
      setError(e2.code === 'version_conflict' ? t('proj.conflict') : t('proj.saveFailed', { message: e2.message }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="footprint-editor" data-testid="footprint-editor" onSubmit={onSubmit} aria-busy={busy}>
      <h2>{target.kind === 'new' ? t('proj.editorNew') : t('proj.editorEdit', { name: target.project.name })}</h2>
      <p className="muted">{g && shape.closed ? t('proj.hintEdit') : t('proj.hintDraw')}</p>
      <dl className="footprint-measure" data-testid="footprint-measure">
        <dt>{t('proj.area')}</dt><dd data-testid="footprint-area">{areaM2 !== null ? formatArea(areaM2, lang) : '—'}</dd>
        <dt>{t('proj.perimeter')}</dt><dd>{g ? `${Math.round(perimeterM(g)).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')} m` : '—'}</dd>
      </dl>
      <ImportBox onImported={setInitial} />
      {target.kind === 'new' && <NewProjectFields form={form} setForm={setForm} areaM2={areaM2} />}
      {error && <p className="form-error" role="alert" data-testid="footprint-error">{error}</p>}
      {busy && <p className="muted" role="status">{t('proj.saving')}</p>}
      <div className="footprint-actions">
        <button type="submit" className="primary-button" data-testid="footprint-save" disabled={busy}>{t('proj.save')}</button>
        <button type="button" onClick={ws.stopEditor} disabled={busy}>{t('proj.cancel')}</button>
      </div>
    </form>
  );
}
