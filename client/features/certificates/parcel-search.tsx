/** Search box: cadastral key ("An Phụ 12/345", "tờ 12 thửa 345"), certificate serial, or land user's name. */
import { useState, type FormEvent } from 'react';
import type { SearchHit, SearchResult } from '../../../server/api/contract';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n/use-i18n';
import { searchParcels } from './certificates-api';

export function ParcelSearch({ onOpen }: { onOpen: (hit: SearchHit) => void }) {
  const { t, tryT } = useI18n();
  const [q, setQ] = useState('');
  const [result, setResult] = useState<SearchResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!q.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const r = await searchParcels(q.trim());
      setResult(r);
      if (r.hits.length === 1) onOpen(r.hits[0]);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="cert-search" role="search" onSubmit={submit}>
      <label htmlFor="cert-search-input">{t('cert.search.label')}</label>
      <div className="cert-search-row">
        <input id="cert-search-input" data-testid="cert-search" value={q} onChange={(e) => setQ(e.target.value)}
          placeholder={t('cert.search.placeholder')} />
        <button type="submit" disabled={busy}>{busy ? '…' : t('cert.search.go')}</button>
      </div>
      {error && <p className="form-error" role="alert">{error}</p>}
      {result && (
        <div className="cert-search-results" data-testid="cert-search-results">
          {!result.nameSearch && <p className="hint">{t('cert.search.noNames')}</p>}
          {result.hits.length === 0 && <p className="hint">{t('cert.search.none')}</p>}
          <ul>
            {result.hits.map((h) => (
              <li key={`${h.match}-${h.parcelId}-${h.serial ?? h.holderName ?? ''}`}>
                <button type="button" className="link-button" data-testid="cert-search-hit" onClick={() => onOpen(h)}>
                  {tryT(`formerUnit.${h.formerUnit}`) ?? h.formerUnit} — {t('cert.key', { sheet: h.mapSheetNo, parcel: h.parcelNo })}
                  <span className="hint"> · {h.holderName ?? h.serial ?? h.landUseCode} · {tryT(`certStatus.${h.certStatus}`)}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
