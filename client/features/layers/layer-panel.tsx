/**
 * The layer list: one checkbox per API layer, its feature count, and a demo badge or its source; a tiled layer
 * (parcels) that is on but not drawn because the map is zoomed out below its tiles says so.
 */
import type { LayerId, LayerInfo } from '../../../server/api/contract';
import { useI18n } from '../../i18n/use-i18n';
import { tiledLayers } from '../../map/style';
import { DemoBadge } from './demo-badge';

export interface LayerPanelProps {
  layers: LayerInfo[];
  visibility: Partial<Record<LayerId, boolean>>;
  onToggle: (id: LayerId, visible: boolean) => void;
  /** The map's zoom (null before the map reports it). */
  zoom?: number | null;
  /** Opens the export dialog for a layer (no button when absent). */
  onExport?: (id: LayerId) => void;
}

export function LayerPanel({ layers, visibility, onToggle, zoom = null, onExport }: LayerPanelProps) {
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
              {onExport && (
                <button type="button" className="layer-export" data-testid={`layer-export-${l.id}`}
                  title={t('export.openLayer', { layer: l.title[lang] })} aria-label={t('export.openLayer', { layer: l.title[lang] })}
                  onClick={() => onExport(l.id)}>⤓</button>
              )}
            </div>
            {visibility[l.id] && zoom !== null && zoom < (tiledLayers[l.id]?.minzoom ?? 0) && (
              <p className="hint layer-zoom-hint" data-testid={`layer-zoom-hint-${l.id}`}>{t('layer.zoomIn')}</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
