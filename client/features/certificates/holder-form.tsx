/**
 * A land officer records or corrects the land user (chủ sử dụng) of a parcel: kind, name, CCCD/CMND, address,
 * note. Checked with the contract's schema before sending (errors beside the fields); sends the version the
 * officer saw, and on a conflict shows the current parcel while keeping what was typed.
 */
import { useState, type FormEvent } from 'react';
import { HolderKind, RightHolderEdit, type ParcelDetail } from '../../../server/api/contract';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n/use-i18n';
import { editParcel } from './certificates-api';

type Field = 'name' | 'idNumber' | 'address' | 'note';
type Values = { kind: HolderKind } & Record<Field, string>;

export interface HolderFormProps {
  parcel: ParcelDetail;
  onSaved: (p: ParcelDetail) => void;
  onConflict: (current: ParcelDetail) => void;
}

/** The form starts from the parcel's current land user when it has exactly one (a correction). */
function initialValues(p: ParcelDetail): Values {
  const held = p.parties.filter((x) => x.rightKind === 'ownership_use' && x.kind !== 'state');
  const one = held.length === 1 ? held[0] : null;
  const kind = one && one.kind !== 'state' ? one.kind : 'household';
  return { kind, name: one?.name ?? '', idNumber: one?.idNumber ?? '', address: one?.address ?? '', note: '' };
}

export function HolderForm({ parcel, onSaved, onConflict }: HolderFormProps) {
  const { t, tryT } = useI18n();
  const [open, setOpen] = useState(false);
  const [v, setValues] = useState<Values>(() => initialValues(parcel));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const set = (k: keyof Values, value: string) => setValues((old) => ({ ...old, [k]: value }));
  const person = v.kind !== 'organisation';

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    const checked = RightHolderEdit.safeParse({ action: 'rightHolder', version: parcel.version, ...v });
    if (!checked.success) {
      const found: Partial<Record<Field, string>> = {};
      for (const issue of checked.error.issues) {
        const field = issue.path[0] as Field;
        found[field] ??= tryT(`holder.error.${issue.message}`) ?? t('holder.error.other');
      }
      setErrors(found);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const out = await editParcel(parcel.id, { ...checked.data });
      if (out.ok) {
        setMessage({ kind: 'ok', text: t('holder.saved') });
        setOpen(false);
        onSaved(out.parcel);
      } else {
        setMessage({ kind: 'error', text: t('cert.edit.conflict') });
        onConflict(out.conflict);
      }
    } catch (err) {
      setMessage({ kind: 'error', text: err instanceof ApiError ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  }

  const status = message && (
    <p className={message.kind === 'ok' ? 'form-ok' : 'form-error'} role={message.kind === 'ok' ? 'status' : 'alert'} data-testid="holder-message">{message.text}</p>
  );
  if (!open) {
    return (
      <div className="holder-open">
        <button type="button" data-testid="holder-open" onClick={() => { setValues(initialValues(parcel)); setErrors({}); setOpen(true); }}>{t('holder.open')}</button>
        {status}
      </div>
    );
  }
  const fieldError = (f: Field) => errors[f] && <span className="form-error" id={`holder-${f}-error`} data-testid={`holder-${f}-error`}>{errors[f]}</span>;
  const aria = (f: Field) => ({ 'aria-invalid': errors[f] ? true : undefined, 'aria-describedby': errors[f] ? `holder-${f}-error` : undefined });
  return (
    <form className="cert-edit holder-form" data-testid="holder-form" onSubmit={submit} noValidate>
      <h3>{t('holder.title')}</h3>
      <p className="hint">{t('holder.replaceHint')}</p>
      <label>{t('holder.kind')}
        <select data-testid="holder-kind" value={v.kind} onChange={(e) => set('kind', e.target.value)}>
          {HolderKind.options.map((k) => <option key={k} value={k}>{t(`holder.kind.${k}`)}</option>)}
        </select>
      </label>
      <label>{person ? t('holder.name.person') : t('holder.name.organisation')}
        <input data-testid="holder-name" value={v.name} maxLength={200} onChange={(e) => set('name', e.target.value)} {...aria('name')} />
        {fieldError('name')}
      </label>
      <label>{person ? t('holder.idNumber') : t('holder.idNumber.optional')}
        <input data-testid="holder-id-number" value={v.idNumber} inputMode="numeric" autoComplete="off" placeholder={t('holder.idNumber.hint')}
          onChange={(e) => set('idNumber', e.target.value)} {...aria('idNumber')} />
        {fieldError('idNumber')}
      </label>
      <label>{t('holder.address')}
        <input data-testid="holder-address" value={v.address} maxLength={300} onChange={(e) => set('address', e.target.value)} />
      </label>
      <label>{t('holder.note')}
        <textarea data-testid="holder-note" value={v.note} maxLength={1000} rows={2} onChange={(e) => set('note', e.target.value)} />
      </label>
      <div className="form-actions">
        <button type="submit" data-testid="holder-save" disabled={busy}>{busy ? t('cert.edit.saving') : t('holder.save')}</button>
        <button type="button" onClick={() => { setOpen(false); setMessage(null); }} disabled={busy}>{t('holder.cancel')}</button>
      </div>
      {status}
    </form>
  );
}
