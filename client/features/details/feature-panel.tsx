/** The details panel of the clicked feature: translated properties, a demo badge or the real source. */
import type { LayerInfo } from '../../../server/api/contract';
import { useI18n } from '../../i18n/use-i18n';
import type { PickedFeature } from '../../map/map-view';
import { DemoBadge } from '../layers/demo-badge';
import { describeFeature, featureTitle } from './describe-feature';

export interface FeaturePanelProps {
  picks: PickedFeature[];
  index: number;
  layers: LayerInfo[];
  onSelect: (index: number) => void;
  onClose: () => void;
}

export function FeaturePanel({ picks, index, layers, onSelect, onClose }: FeaturePanelProps) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const pick = picks[index];
  if (!pick) return null;
  const layer = layers.find((l) => l.id === pick.layerId);
  const isDemo = pick.properties.demo === true || pick.properties.demo === 'true' || Boolean(layer?.demo);
  const rows = describeFeature(pick.layerId, pick.properties, i18n);
  return (
    <aside className="feature-panel" data-testid="feature-panel" aria-labelledby="feature-heading">
      <header className="feature-panel-header">
        <div>
          <div className="feature-layer">{layer ? layer.title[lang] : pick.layerId}</div>
          <h2 id="feature-heading">{featureTitle(pick.layerId, pick.properties, i18n)}</h2>
        </div>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('details.close')} title={t('details.close')}>
          ×
        </button>
      </header>
      <div className="feature-provenance">
        {isDemo ? <DemoBadge /> : layer && <span className="layer-source">{t('layer.source')}: {layer.source[lang]}</span>}
      </div>
      <dl className="feature-props">
        {rows.map((r) => (
          <div key={r.key} className="feature-row" data-field={r.key}>
            <dt>{r.label}</dt>
            <dd>{r.value}</dd>
          </div>
        ))}
      </dl>
      {picks.length > 1 && (
        <nav className="feature-others" aria-label={t('details.alsoHere')}>
          <span>{t('details.alsoHere')}</span>
          {picks.map((p, i) =>
            i === index ? null : (
              <button key={`${p.layerId}-${String(p.id)}`} type="button" className="chip" onClick={() => onSelect(i)}>
                {layers.find((l) => l.id === p.layerId)?.title[lang] ?? p.layerId}
              </button>
            ),
          )}
        </nav>
      )}
    </aside>
  );
}
