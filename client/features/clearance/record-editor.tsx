/**
 * A clearance officer's form for one record: step, date, households, compensation, obstacle; going back a step
 * asks for the reason (the server refuses it without one). Keeps what was typed when the server says no.
 */
import { useEffect, useRef, useState } from 'react';
import {
  CLEARANCE_OBSTACLES, CLEARANCE_STEPS, isStepBackwards, type ClearanceHistoryEntry, type ClearanceObstacle, type ClearanceRecord,
  type ClearanceStepId,
} from '../../../server/api/contract';
import { ApiError } from '../../api/client';
import type { MessageKey } from '../../i18n/vi';
import { useI18n } from '../../i18n/use-i18n';
import { formatDate } from '../dashboard/format';
import { fetchClearanceHistory, updateClearanceRecord } from './clearance-api';

interface Draft { step: ClearanceStepId; stepDate: string; households: string; compensationVnd: string; obstacle: ClearanceObstacle | ''; obstacleNote: string; reason: string }

const draftOf = (r: ClearanceRecord): Draft => ({
  step: r.step, stepDate: r.stepDate, households: String(r.households), compensationVnd: r.compensationVnd === null ? '' : String(r.compensationVnd),
  obstacle: r.obstacle ?? '', obstacleNote: r.obstacleNote ?? '', reason: '',
});

export function RecordEditor({ record, canEdit, onSaved, onClose }: { record: ClearanceRecord; canEdit: boolean; onSaved: (r: ClearanceRecord) => void; onClose: () => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft>(() => draftOf(record));
  const [history, setHistory] = useState<ClearanceHistoryEntry[]>([]);
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    setDraft(draftOf(record));
    form.current?.scrollIntoView?.({ block: 'nearest' }); // opened from a map click: bring it into the sidebar's view
    fetchClearanceHistory(record.id).then((h) => setHistory(h.entries), () => setHistory([]));
  }, [record]);
  const backwards = isStepBackwards(record.step, draft.step);
  const set = (k: keyof Draft) => (e: { target: { value: string } }) => setDraft({ ...draft, [k]: e.target.value });

  const save = async () => {
    setSaving(true);
    setMessage(null);
    try {
      const saved = await updateClearanceRecord(record.id, {
        version: record.version, step: draft.step, stepDate: draft.stepDate, households: Number(draft.households),
        compensationVnd: draft.compensationVnd.trim() === '' ? null : Number(draft.compensationVnd),
        obstacle: draft.step === 'handed_over' || !draft.obstacle ? null : draft.obstacle,
        obstacleNote: draft.obstacleNote.trim() || null, ...(draft.reason.trim() ? { reason: draft.reason } : {}),
      });
      setMessage({ kind: 'ok', text: t('clr.saved') });
      onSaved(saved);
    } catch (err) {
      const conflict = err instanceof ApiError && err.code === 'version_conflict';
      setMessage({ kind: 'error', text: conflict ? t('clr.conflict') : err instanceof ApiError ? err.message : String(err) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form ref={form} className="record-editor" data-testid="record-editor" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <h3>{t('clr.parcel', { parcelNo: record.parcelNo, mapSheetNo: record.mapSheetNo })}</h3>
      {record.holderName && <p>{t('clr.holder')}: {record.holderName}</p>}
      <fieldset disabled={!canEdit || saving}>
        <label>{t('clr.step')}
          <select value={draft.step} onChange={set('step')} data-testid="record-step">
            {CLEARANCE_STEPS.map((s) => <option key={s} value={s}>{t(`step.${s}` as MessageKey)}</option>)}
          </select>
        </label>
        <label>{t('clr.stepDate')}<input type="date" required value={draft.stepDate} onChange={set('stepDate')} /></label>
        <label>{t('clr.households')}<input type="number" min={0} required value={draft.households} onChange={set('households')} /></label>
        <label>{t('clr.compensation')}<input type="number" min={0} step={1000} value={draft.compensationVnd} onChange={set('compensationVnd')} /></label>
        {draft.step !== 'handed_over' && (
          <label>{t('clr.obstacle')}
            <select value={draft.obstacle} onChange={set('obstacle')}>
              <option value="">{t('clr.noObstacle')}</option>
              {CLEARANCE_OBSTACLES.map((o) => <option key={o} value={o}>{t(`obstacle.${o}` as MessageKey)}</option>)}
            </select>
          </label>
        )}
        <label>{t('clr.obstacleNote')}<input maxLength={500} value={draft.obstacleNote} onChange={set('obstacleNote')} /></label>
        {backwards && (
          <label className="reason-field">{t('clr.reason')}
            <textarea required maxLength={500} value={draft.reason} onChange={set('reason')} data-testid="record-reason" />
          </label>
        )}
      </fieldset>
      {message && <p className={message.kind === 'error' ? 'form-error' : 'form-ok'} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
      <div className="form-actions">
        {canEdit && <button type="submit" disabled={saving} data-testid="record-save">{saving ? t('clr.saving') : t('clr.save')}</button>}
        <button type="button" onClick={onClose}>{t('print.close')}</button>
      </div>
      {history.length > 0 && (
        <>
          <h3>{t('clr.history')}</h3>
          <ol className="step-history">
            {history.map((h, i) => (
              <li key={i}>{formatDate(h.stepDate)}: {t(`step.${h.step}` as MessageKey)} <span className="dash-muted">({h.actor}{h.reason ? ` — ${h.reason}` : ''})</span></li>
            ))}
          </ol>
        </>
      )}
    </form>
  );
}
