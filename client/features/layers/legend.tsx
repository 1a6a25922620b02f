/** The legend: for each visible layer, the symbols palette.ts defines (the same the map draws). */
import type { LayerId, LayerInfo } from '../../../server/api/contract';
import type { MessageKey } from '../../i18n/vi';
import { useI18n } from '../../i18n/use-i18n';
import { layerLegend, palette, type LegendEntry } from '../../map/palette';
import { parcelModeLegend } from '../../map/layers/parcel-modes.layers';
import type { ParcelStyleMode } from '../../../server/api/contract';

export interface LegendProps {
  layers: LayerInfo[];
  visibility: Partial<Record<LayerId, boolean>>;
  /** How the parcels are coloured (certificate workflow); the parcel legend follows it. */
  parcelMode?: ParcelStyleMode;
}

export function Legend({ layers, visibility, parcelMode }: LegendProps) {
  const { t, lang } = useI18n();
  const shown = layers.filter((l) => visibility[l.id]);
  return (
    <section className="panel" aria-labelledby="legend-heading" data-testid="legend">
      <h2 id="legend-heading">{t('panel.legend')}</h2>
      {shown.map((l) => (
        <div key={l.id} className="legend-group">
          <h3>{l.title[lang]}</h3>
          <ul>
            {(l.id === 'parcels' && parcelMode ? parcelModeLegend(parcelMode, palette) : layerLegend(l.id)).map((e) => (
              <li key={e.labelKey} className="legend-entry" data-cert-status={e.certStatus}>
                <Swatch entry={e} />
                <span>{t(e.labelKey as MessageKey)}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function Swatch({ entry }: { entry: LegendEntry }) {
  return <span className={`swatch swatch-${entry.symbol}`} style={{ ['--swatch' as string]: entry.color }} aria-hidden />;
}
