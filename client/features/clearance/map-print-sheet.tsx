/**
 * A one-page print of the current map view for a meeting: title, date, the map image, scale bar, north arrow,
 * legend and sources. Shown as a preview over the app; when printing, only this sheet is printed (styles.css).
 */
import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { CLEARANCE_STEPS, type LayerId, type LayerInfo } from '../../../server/api/contract';
import type { MessageKey } from '../../i18n/vi';
import { useI18n } from '../../i18n/use-i18n';
import type { ClearanceOverlay, MapSnapshot } from '../../map/map-view';
import { clearancePalette, layerLegend } from '../../map/palette';
import { formatDate } from '../dashboard/format';
import { scaleBar } from './scale-bar';

export interface MapPrintSheetProps {
  snapshot: MapSnapshot;
  layers: LayerInfo[];
  visibility: Partial<Record<LayerId, boolean>>;
  clearance: ClearanceOverlay | null;
  onClose: () => void;
}

export function MapPrintSheet({ snapshot, layers, visibility, clearance, onClose }: MapPrintSheetProps) {
  const { t, lang } = useI18n();
  useEffect(() => {
    document.body.classList.add('print-map');
    return () => document.body.classList.remove('print-map');
  }, []);
  const shown = layers.filter((l) => visibility[l.id]);
  // the image is printed at most 680 × 540 CSS px (≈ 180 × 143 mm), so the sheet fits one A4 page; the scale
  // bar is computed for that printed size
  const printedWidth = Math.round(Math.min(680, (540 * snapshot.width) / Math.max(1, snapshot.height)));
  const bar = scaleBar(snapshot.metresPerPixel * (snapshot.width / printedWidth), 160);
  const demo = shown.some((l) => l.demo) || !!clearance?.data.demo;
  return createPortal(
    <div className="map-print-sheet" data-testid="map-print-sheet" role="dialog" aria-label={t('print.title')}>
      <div className="print-actions no-print">
        <button type="button" data-testid="map-print-go" onClick={() => window.print()}>{t('print.print')}</button>
        <button type="button" data-testid="map-print-close" onClick={onClose}>{t('print.close')}</button>
      </div>
      <h1>{clearance ? t('print.titleClearance') : t('print.title')}</h1>
      <p className="print-meta">{t('print.date', { date: formatDate(new Date().toISOString()) })}{demo && <> · <strong>{t('badge.demo')}</strong></>}</p>
      <div className="print-map-frame">
        <img src={snapshot.dataUrl} alt={t('print.title')} style={{ width: printedWidth }} />
        <svg className="north-arrow" viewBox="0 0 40 56" width={34} aria-label={t('print.north')} style={{ transform: `rotate(${-snapshot.bearing}deg)` }}>
          <polygon points="20,2 32,40 20,32 8,40" fill="#222" />
          <text x={20} y={54} fontSize={14} textAnchor="middle" fontWeight="bold">{t('print.northLetter')}</text>
        </svg>
        <div className="scale-bar" data-testid="scale-bar">
          <div className="scale-bar-line" style={{ width: bar.px }} />
          <span>{bar.label}</span>
        </div>
      </div>
      <div className="print-bottom">
        <div className="print-legend">
          <h2>{t('print.legend')}</h2>
          <ul>
            {clearance && CLEARANCE_STEPS.map((s) => <li key={s}><i style={{ background: clearancePalette.step[s] }} />{t(`step.${s}` as MessageKey)}</li>)}
            {clearance && <li><i className="outline" style={{ borderColor: clearancePalette.stuck }} />{t('clr.stuckLegend')}</li>}
            {shown.flatMap((l) => layerLegend(l.id).map((e) => <li key={`${l.id}-${e.labelKey}`}><i style={{ background: e.color }} />{t(e.labelKey as MessageKey)}</li>))}
          </ul>
        </div>
        <div className="print-sources">
          <h2>{t('print.sources')}</h2>
          <ul>{shown.map((l) => <li key={l.id}>{l.title[lang]}: {l.source[lang]}</li>)}</ul>
          <p>{t('print.crs')}</p>
          <p>{t('note.approximate')}</p>
        </div>
      </div>
    </div>,
    document.body,
  );
}
