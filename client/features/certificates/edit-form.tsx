/**
 * A land officer's edit of one parcel: issue the first certificate (serial, date, note), change the backlog
 * reason and note, or mark the certificates digitised. Sends the version the officer saw; on a conflict the
 * form shows who won (the current state) and keeps what the officer typed.
 */
import { useState, type FormEvent } from 'react';
import type { BacklogReason, ParcelDetail, ParcelEdit } from '../../../server/api/contract';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n/use-i18n';
import { backlogReasonOrder } from '../../map/layers/parcel-modes.layers';
import { editParcel } from './certificates-api';

// Recording the land user has its own form (holder-form.tsx).
type Action = Exclude<ParcelEdit['action'], 'rightHolder'>;

export interface EditFormProps {
  parcel: ParcelDetail;
  onSaved: (p: ParcelDetail) => void;
  onConflict: (current: ParcelDetail) => void;
}

const todayIso = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export function EditForm({ parcel, onSaved, onConflict }: EditFormProps) {
  const { t, tryT } = useI18n();
  const issued = parcel.certificates.length > 0;
  const [chosen, setAction] = useState<Action>(issued ? 'digitise' : 'issue');
  const [serial, setSerial] = useState('');
  const [issueDate, setIssueDate] = useState(todayIso());
  const [reason, setReason] = useState<BacklogReason>(parcel.backlog?.reason ?? 'missing_records');
  const [note, setNote] = useState('');
  const [digitised, setDigitised] = useState(true);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'ok' | 'conflict'; text: string } | null>(null);
  const actions: Action[] = issued ? ['digitise'] : ['issue', 'backlog'];
  // after an issue (or a conflict showing someone else issued) only the actions that still apply are offered
  const action = actions.includes(chosen) ? chosen : actions[0];

  function body(): ParcelEdit {
    const n = note.trim() || undefined;
    if (action === 'issue') return { action, version: parcel.version, serial, issueDate, digitised, note: n };
    if (action === 'backlog') return { action, version: parcel.version, reason, note: n };
    return { action: 'digitise', version: parcel.version, digitised };
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const out = await editParcel(parcel.id, body());
      if (out.ok) {
        setMessage({ kind: 'ok', text: t('cert.edit.saved') });
        setSerial('');
        setNote('');
        onSaved(out.parcel);
      } else {
        setMessage({ kind: 'conflict', text: t('cert.edit.conflict') });
        onConflict(out.conflict);
      }
    } catch (err) {
      setMessage({ kind: 'error', text: err instanceof ApiError ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="cert-edit" data-testid="cert-edit" onSubmit={submit}>
      <h3>{t('cert.edit.title')}</h3>
      <label>{t('cert.edit.action')}
        <select data-testid="cert-edit-action" value={action} onChange={(e) => setAction(e.target.value as Action)}>
          {actions.map((a) => <option key={a} value={a}>{t(`cert.edit.${a}`)}</option>)}
        </select>
      </label>
      {action === 'issue' && (
        <>
          <label>{t('cert.edit.serial')}
            <input data-testid="cert-edit-serial" value={serial} required placeholder="CS 123456" onChange={(e) => setSerial(e.target.value)} />
          </label>
          <label>{t('cert.edit.issueDate')}
            <input type="date" data-testid="cert-edit-date" value={issueDate} max={todayIso()} required onChange={(e) => setIssueDate(e.target.value)} />
          </label>
        </>
      )}
      {action === 'backlog' && (
        <label>{t('field.backlogReason')}
          <select data-testid="cert-edit-reason" value={reason} onChange={(e) => setReason(e.target.value as BacklogReason)}>
            {backlogReasonOrder.map((r) => <option key={r} value={r}>{tryT(`backlogReason.${r}`) ?? r}</option>)}
          </select>
        </label>
      )}
      {action !== 'backlog' && (
        <label className="inline"><input type="checkbox" checked={digitised} onChange={(e) => setDigitised(e.target.checked)} /> {t('cert.legend.digitised')}</label>
      )}
      {action !== 'digitise' && (
        <label>{t('cert.edit.note')}
          <textarea data-testid="cert-edit-note" value={note} maxLength={1000} rows={2} onChange={(e) => setNote(e.target.value)} />
        </label>
      )}
      <button type="submit" data-testid="cert-edit-save" disabled={busy}>{busy ? t('cert.edit.saving') : t('cert.edit.save')}</button>
      {message && <p className={message.kind === 'ok' ? 'form-ok' : 'form-error'} role={message.kind === 'ok' ? 'status' : 'alert'} data-testid="cert-edit-message">{message.text}</p>}
    </form>
  );
}
