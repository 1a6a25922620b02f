/** The layer list: one checkbox per API layer, its feature count, and a demo badge or its source. */
import type { LayerId, LayerInfo } from '../../../server/api/contract';
import { useI18n } from '../../i18n/use-i18n';
import { DemoBadge } from './demo-badge';

export interface LayerPanelProps {
  layers: LayerInfo[];
  visibility: Partial<Record<LayerId, boolean>>;
  onToggle: (id: LayerId, visible: boolean) => void;
}

export function LayerPanel({ layers, visibility, onToggle }: LayerPanelProps) {
  const { t, lang } = useI18n();
  const count = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB');
  return (
    <section className="panel" aria-labelledby="layers-heading">
      <h2 id="layers-heading">{t('panel.layers')}</h2>
      <ul className="layer-list">
        {layers.map((l) => (
          <li key={l.id} className="layer-item">
            <label className="layer-toggle">
              <input
                type="checkbox"
                data-testid={`layer-toggle-${l.id}`}
                checked={Boolean(visibility[l.id])}
                onChange={(e) => onToggle(l.id, e.target.checked)}
              />
              <span className="layer-title">{l.title[lang]}</span>
              <span className="layer-count">{t(l.featureCount === 1 ? 'layer.feature' : 'layer.features', { n: count.format(l.featureCount) })}</span>
            </label>
            <div className="layer-meta">
              {l.demo ? <DemoBadge /> : <span className="badge badge-real">{t('layer.realData')}</span>}
              {!l.demo && (
                <span className="layer-source">
                  {t('layer.source')}: {l.source[lang]}
                </span>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
