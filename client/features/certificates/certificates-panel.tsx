/**
 * The land officer's sidebar panel: search, how parcels are coloured, the combined filters and the counts of
 * the selection (the same selection the map and the backlog list show).
 */
import type { BacklogReason, CertStatus, FormerUnitId, ParcelStyleMode, SearchHit } from '../../../server/api/contract';
import type { MessageKey } from '../../i18n/vi';
import { useI18n } from '../../i18n/use-i18n';
import { backlogReasonOrder } from '../../map/layers/parcel-modes.layers';
import { certStatusOrder } from '../../map/palette';
import { ParcelSearch } from './parcel-search';
import type { CertificatesState } from './use-certificates';

const UNITS: FormerUnitId[] = ['an-phu', 'hiep-hoa', 'thuong-quan'];
const MODES: ParcelStyleMode[] = ['status', 'reason', 'digitised'];

export interface CertificatesPanelProps {
  state: CertificatesState;
  onOpen: (hit: SearchHit) => void;
  onShowList: () => void;
  /** Opens the export dialog on the filtered parcels. */
  onExport?: () => void;
}

export function CertificatesPanel({ state, onOpen, onShowList, onExport }: CertificatesPanelProps) {
  const { t, tryT, lang } = useI18n();
  const { filter, setFilter, facets, data } = state;
  const num = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB');
  const one = (v: unknown) => (Array.isArray(v) ? v[0] : v) ?? '';
  const set = (key: keyof typeof filter) => (e: { target: { value: string } }) =>
    setFilter({ ...filter, [key]: e.target.value || undefined });
  const select = (key: keyof typeof filter, label: MessageKey, options: [string, string][]) => (
    <label className="cert-filter">
      <span>{t(label)}</span>
      <select data-testid={`cert-filter-${key}`} value={String(one(filter[key]))} onChange={set(key)}>
        <option value="">{t('cert.filter.all')}</option>
        {options.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
      </select>
    </label>
  );
  const c = data?.counts;
  return (
    <section className="panel cert-panel" aria-labelledby="cert-heading" data-testid="cert-panel">
      <h2 id="cert-heading">{t('cert.panel')}</h2>
      <ParcelSearch onOpen={onOpen} />
      <fieldset className="cert-modes">
        <legend>{t('cert.mode')}</legend>
        {MODES.map((m) => (
          <label key={m}>
            <input type="radio" name="cert-mode" data-testid={`cert-mode-${m}`} checked={state.mode === m} onChange={() => state.setMode(m)} />
            {t(`cert.mode.${m}` as MessageKey)}
          </label>
        ))}
      </fieldset>
      <div className="cert-filters">
        {select('formerUnit', 'field.formerUnit', UNITS.map((u) => [u, tryT(`formerUnit.${u}`) ?? u]))}
        {select('group', 'field.residentialGroup', (facets?.groups ?? []).map((g) => [g.id, g.name]))}
        {select('landUse', 'field.landUseCode', (facets?.landUses ?? []).map((l) => [l.code, `${l.code} — ${lang === 'vi' ? l.nameVi : l.nameEn}`]))}
        {select('status', 'field.certStatus', certStatusOrder.map((s) => [s, tryT(`certStatus.${s}`) ?? s]))}
        {select('reason', 'field.backlogReason', backlogReasonOrder.map((r) => [r, tryT(`backlogReason.${r}`) ?? r]))}
        {select('digitised', 'field.digitised', [['yes', t('cert.legend.digitised')], ['no', t('cert.legend.notDigitised')]])}
        <button type="button" className="link-button" onClick={() => setFilter({})}>{t('cert.filter.clear')}</button>
      </div>
      {state.error && <p className="form-error" role="alert">{state.error}</p>}
      {c && (
        <div className="cert-counts" data-testid="cert-counts" aria-busy={state.loading}>
          <p><strong data-testid="cert-count-total">{num.format(c.total)}</strong> {t('cert.counts.parcels')}</p>
          <ul>
            {certStatusOrder.map((s: CertStatus) => (
              <li key={s} data-testid={`cert-count-${s}`} data-count={c.byStatus[s]}>{tryT(`certStatus.${s}`)}: {num.format(c.byStatus[s])}</li>
            ))}
            {backlogReasonOrder.map((r: BacklogReason) => c.byReason[r] > 0 && (
              <li key={r} className="cert-count-reason">{tryT(`backlogReason.${r}`)}: {num.format(c.byReason[r])}</li>
            ))}
            <li>{t('cert.legend.digitised')}: {num.format(c.digitised)} / {num.format(c.digitised + c.notDigitised)}</li>
          </ul>
        </div>
      )}
      <button type="button" data-testid="cert-open-list" onClick={onShowList}>{t('cert.list.open')}</button>
      {onExport && <button type="button" data-testid="cert-export" onClick={onExport}>{t('export.open')}</button>}
    </section>
  );
}
