/** The history of a parcel's changes: who, when, what from → to (from the audit log). */
import type { ParcelHistoryEntry } from '../../../server/api/contract';
import { useI18n } from '../../i18n/use-i18n';

/** Bookkeeping columns every edit touches; not worth a line of history. */
const QUIET = new Set(['version', 'updated_at']);

const show = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));

export function HistoryList({ entries }: { entries: ParcelHistoryEntry[] }) {
  const { t, tryT, lang } = useI18n();
  const rows = entries
    .map((e) => ({ e, keys: Object.keys({ ...(e.before ?? {}), ...(e.after ?? {}) }).filter((k) => !QUIET.has(k) && k !== 'id') }))
    .filter((r) => r.keys.length > 0);
  return (
    <section className="parcel-history" data-testid="parcel-history">
      <h3>{t('cert.history')}</h3>
      {rows.length === 0 && <p className="hint">{t('cert.history.none')}</p>}
      <ol>
        {rows.map(({ e, keys }) => (
          <li key={e.id}>
            <div className="hint">
              {new Date(e.at).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')} · {e.actor} · {tryT(`cert.entity.${e.entity}`) ?? e.entity} ({e.action})
            </div>
            <ul className="plain">
              {keys.map((k) => (
                <li key={k}><code>{k}</code>: {e.action === 'insert' ? show(e.after?.[k]) : `${show(e.before?.[k])} → ${show(e.after?.[k])}`}</li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
