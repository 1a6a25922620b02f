/**
 * The analysis options of an import: the file's coordinate system (auto, WGS 84, VN-2000 105°30′ / 105°45′ or
 * another central meridian with TM-3/TM-6), the defaults for parcels whose file lacks them (former unit,
 * map sheet), and the field mapping (target attribute → the file's column).
 */
import type { FormerUnitId, ImportCrsChoice, ImportLayer } from '../../../server/api/contract';
import type { MessageKey } from '../../i18n/vi';
import { useI18n } from '../../i18n/use-i18n';
import { type OptionsForm } from './import-text';
import { importTargetFields } from '../../../server/api/contract';

const CRS_CHOICES: { value: ImportCrsChoice; label: MessageKey }[] = [
  { value: 'auto', label: 'imp.crs.auto' },
  { value: '4326', label: 'imp.crs.4326' },
  { value: '9209', label: 'imp.crs.9209' },
  { value: '9210', label: 'imp.crs.9210' },
  { value: 'custom', label: 'imp.crs.custom' },
];
const UNITS: FormerUnitId[] = ['hiep-hoa', 'thuong-quan', 'an-phu'];

export interface OptionsFieldsProps {
  layer: ImportLayer;
  form: OptionsForm;
  onChange: (f: OptionsForm) => void;
  disabled?: boolean;
}

/** CRS choice and, for parcels, the default former unit and map sheet. */
export function OptionsFields({ layer, form, onChange, disabled }: OptionsFieldsProps) {
  const { t, tryT } = useI18n();
  const set = (patch: Partial<OptionsForm>) => onChange({ ...form, ...patch });
  return (
    <fieldset className="imp-options" disabled={disabled}>
      <label className="imp-field">
        <span>{t('imp.crs.label')}</span>
        <select data-testid="imp-crs" value={form.crs} onChange={(e) => set({ crs: e.target.value as ImportCrsChoice })}>
          {CRS_CHOICES.map((c) => <option key={c.value} value={c.value}>{t(c.label)}</option>)}
        </select>
      </label>
      {form.crs === 'custom' && (
        <div className="imp-row">
          <label className="imp-field">
            <span>{t('imp.crs.meridian')}</span>
            <input data-testid="imp-meridian" type="number" inputMode="decimal" min={100} max={112} step={0.25}
              placeholder="106.00" value={form.centralMeridian} onChange={(e) => set({ centralMeridian: e.target.value })} />
          </label>
          <label className="imp-field">
            <span>{t('imp.crs.zone')}</span>
            <select value={form.zoneWidth} onChange={(e) => set({ zoneWidth: e.target.value === '6' ? 6 : 3 })}>
              <option value={3}>{t('imp.crs.tm3')}</option>
              <option value={6}>{t('imp.crs.tm6')}</option>
            </select>
          </label>
        </div>
      )}
      {layer === 'parcels' && (
        <div className="imp-row">
          <label className="imp-field">
            <span>{t('imp.defaultUnit')}</span>
            <select data-testid="imp-unit" value={form.formerUnit} onChange={(e) => set({ formerUnit: e.target.value })}>
              <option value="">{t('imp.fromFile')}</option>
              {UNITS.map((u) => <option key={u} value={u}>{tryT(`formerUnit.${u}`) ?? u}</option>)}
            </select>
          </label>
          <label className="imp-field">
            <span>{t('imp.defaultSheet')}</span>
            <input data-testid="imp-sheet" type="number" min={1} step={1} placeholder={t('imp.fromFile')}
              value={form.mapSheetNo} onChange={(e) => set({ mapSheetNo: e.target.value })} />
          </label>
        </div>
      )}
    </fieldset>
  );
}

export interface MappingFieldsProps {
  layer: ImportLayer;
  /** the file's columns */
  fields: string[];
  mapping: Record<string, string | null>;
  onChange: (m: Record<string, string | null>) => void;
  disabled?: boolean;
}

/** One select per target attribute: which column of the file fills it ('' = not in the file). */
export function MappingFields({ layer, fields, mapping, onChange, disabled }: MappingFieldsProps) {
  const { t, tryT } = useI18n();
  return (
    <fieldset className="imp-mapping" disabled={disabled} data-testid="imp-mapping">
      <legend>{t('imp.mapping')}</legend>
      {importTargetFields(layer).map((target) => (
        <label key={target} className="imp-field imp-map-row">
          <span>{tryT(`imp.target.${target}`) ?? target}</span>
          <select data-testid={`imp-map-${target}`} value={mapping[target] ?? ''} onChange={(e) => onChange({ ...mapping, [target]: e.target.value || null })}>
            <option value="">{t('imp.notInFile')}</option>
            {fields.map((f) => <option key={f} value={f}>{f}</option>)}
          </select>
        </label>
      ))}
    </fieldset>
  );
}
