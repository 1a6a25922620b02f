/**
 * The parcel panel of the certificate workflow: cadastral key, land use, legal and mapped area (and their
 * difference beyond tolerance), land users and rights, certificates, the backlog case, the residential group,
 * the edit form for land officers, and the history of every change.
 */
import { useEffect, useState } from 'react';
import type { ParcelDetail } from '../../../server/api/contract';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n/use-i18n';
import { useAuth } from '../auth/use-auth';
import { DemoBadge } from '../layers/demo-badge';
import { fetchParcel } from './certificates-api';
import { EditForm } from './edit-form';
import { HistoryList } from './history-list';
import { HolderForm } from './holder-form';

export interface ParcelPanelProps {
  parcelId: number;
  /** Goes up when anything changed elsewhere, so the panel reloads. */
  revision: number;
  onClose: () => void;
  /** Called after a saved edit (the map, counts and list reload). */
  onChanged: () => void;
}

export function ParcelPanel({ parcelId, revision, onClose, onChanged }: ParcelPanelProps) {
  const { t, tryT, lang } = useI18n();
  const { hasRole, user } = useAuth();
  const [parcel, setParcel] = useState<ParcelDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Reload when the signed-in user changes too: what the server shows (land users' names) depends on who asks,
  // and nothing seen by an officer may stay on screen after sign-out.
  const viewer = user?.username ?? null;
  useEffect(() => setParcel(null), [viewer]);
  useEffect(() => {
    const ctl = new AbortController();
    fetchParcel(parcelId, ctl.signal).then(
      (p) => { setParcel(p); setError(null); },
      (err) => !ctl.signal.aborted && setError(err instanceof ApiError ? err.message : String(err)),
    );
    return () => ctl.abort();
  }, [parcelId, revision, viewer]);

  const num = (n: number, d = 1) => n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { minimumFractionDigits: d, maximumFractionDigits: d });
  const p = parcel?.id === parcelId ? parcel : null;
  return (
    <aside className="feature-panel parcel-panel" data-testid="parcel-panel" aria-labelledby="parcel-heading">
      <header className="feature-panel-header">
        <div>
          <div className="feature-layer">{t('cert.parcel')}</div>
          <h2 id="parcel-heading">{p ? `${tryT(`formerUnit.${p.formerUnit}`) ?? p.formerUnit} — ${t('cert.key', { sheet: p.mapSheetNo, parcel: p.parcelNo })}` : '…'}</h2>
        </div>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('details.close')}>×</button>
      </header>
      {error && <p className="form-error" role="alert">{error}</p>}
      {!p && !error && <p role="status">{t('state.loading')}</p>}
      {p && (
        <>
          {p.demo && <div className="feature-provenance"><DemoBadge /></div>}
          <dl className="feature-props">
            <Row label={t('field.certStatus')} testId="parcel-status" value={<span data-status={p.certStatus}>{tryT(`certStatus.${p.certStatus}`)}</span>} />
            <Row label={t('field.landUseCode')} value={`${p.landUseCode} — ${lang === 'vi' ? p.landUseNameVi : p.landUseNameEn}`} />
            <Row label={t('field.legalAreaM2')} value={`${num(p.legalAreaM2)} m²`} />
            <Row label={t('field.mappedAreaM2')} value={`${num(p.mappedAreaM2)} m²`} />
            {Math.abs(p.areaDifferenceM2) > p.areaToleranceM2 && (
              <Row label={t('cert.areaDiff')} value={<span className="warn">{`${p.areaDifferenceM2 > 0 ? '+' : ''}${num(p.areaDifferenceM2)} m² (${t('cert.tolerance', { m2: num(p.areaToleranceM2) })})`}</span>} />
            )}
            <Row label={t('field.residentialGroup')} value={p.residentialGroup ?? '—'} />
            <Row label={t('cert.users')} testId="parcel-users" value={p.parties.length === 0 ? '—' : (
              <ul className="plain">{p.parties.map((x) => (
                <li key={`${x.partyId}-${x.rightKind}`}>{x.name ?? t('cert.hiddenName')} <span className="hint">({tryT(`cert.right.${x.rightKind}`) ?? x.rightKind})</span></li>
              ))}</ul>
            )} />
            <Row label={t('cert.certificates')} value={p.certificates.length === 0 ? '—' : (
              <ul className="plain">{p.certificates.map((c) => (
                <li key={c.id}>{c.serial} · {c.issueDate} · {c.digitised ? t('cert.legend.digitised') : t('cert.legend.notDigitised')}</li>
              ))}</ul>
            )} />
            {p.backlog && (
              <Row label={t('field.backlogReason')} value={
                <>{tryT(`backlogReason.${p.backlog.reason}`)}{p.backlog.resolvedAt && ` — ${t('cert.resolvedOn', { date: p.backlog.resolvedAt })}`}
                  {p.backlog.note && <div className="hint">{p.backlog.note}</div>}</>
              } />
            )}
          </dl>
          {/* after the first certificate a new land user is a transfer (đăng ký biến động), not recorded here */}
          {hasRole('dia_chinh') && p.certificates.length === 0 && (
            <HolderForm key={p.id} parcel={p} onSaved={(next) => { setParcel(next); onChanged(); }} onConflict={setParcel} />
          )}
          {hasRole('dia_chinh') && <EditForm parcel={p} onSaved={(next) => { setParcel(next); onChanged(); }} onConflict={setParcel} />}
          {user ? <HistoryList entries={p.history} /> : <p className="hint" data-testid="history-sign-in">{t('cert.historySignIn')}</p>}
        </>
      )}
    </aside>
  );
}

function Row({ label, value, testId }: { label: string; value: React.ReactNode; testId?: string }) {
  return (
    <div className="feature-row" data-testid={testId}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
