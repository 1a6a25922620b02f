/**
 * Turns a feature's raw properties into labelled, translated rows for the details panel
 * (Vietnamese professional terms by default: Số tờ, Số thửa, Loại đất, Diện tích pháp lý, …).
 */
import type { LayerId } from '../../../server/api/contract';
import type { I18n } from '../../i18n/use-i18n';
import type { MessageKey } from '../../i18n/vi';
import { landUseLabel } from '../../i18n/land-use';

export interface DetailRow {
  key: string;
  label: string;
  value: string;
}

/** Fields shown per layer, in order; properties not listed are appended under their raw name. */
const fieldsByLayer: Record<LayerId, string[]> = {
  parcels: ['mapSheetNo', 'parcelNo', 'landUseCode', 'legalAreaM2', 'mappedAreaM2', 'certStatus',
    'backlogReason', 'digitised', 'formerUnit', 'residentialGroup', 'village'],
  ward: ['name', 'gsoCode', 'officialAreaKm2', 'mappedAreaKm2', 'population'],
  'neighbour-wards': ['name', 'gsoCode', 'officialAreaKm2', 'mappedAreaKm2', 'population'],
  'former-units': ['name', 'gsoCode', 'partial', 'officialAreaKm2', 'mappedAreaKm2', 'population'],
  'residential-groups': ['name', 'formerUnit', 'mappedAreaKm2'],
  projects: ['name', 'code', 'type', 'status', 'decisionNo', 'plannedAreaHa', 'mappedAreaHa', 'formerUnit'],
  roads: ['name', 'roadClass', 'lengthM', 'encroachmentHotspots'],
  'heritage-sites': ['name', 'type', 'rank', 'village', 'formerUnit', 'reportFootnote', 'note'],
  schools: ['name', 'level', 'standardLevel', 'formerUnit'],
  'ward-office': ['name'],
};
const hidden = new Set(['id', 'demo', 'layer']);

/** Vocabulary prefix of a coded field, per layer (`type` means different things in different layers). */
function vocabulary(layerId: LayerId, field: string): string | null {
  switch (field) {
    case 'certStatus': return 'certStatus';
    case 'backlogReason': return 'backlogReason';
    case 'formerUnit': return 'formerUnit';
    case 'roadClass': return 'roadClass';
    case 'status': return 'projectStatus';
    case 'type': return layerId === 'heritage-sites' ? 'heritageType' : 'projectType';
    case 'rank': return 'heritageRank';
    case 'level': return 'schoolLevel';
    case 'standardLevel': return 'standardLevel';
    default: return null;
  }
}

function formatValue(layerId: LayerId, field: string, raw: unknown, i18n: I18n): string {
  const { t, tryT, lang } = i18n;
  if (raw === null || raw === undefined || raw === '') return t('value.none');
  const num = (digits: number) =>
    new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits }).format(Number(raw));
  switch (field) {
    case 'legalAreaM2':
    case 'mappedAreaM2': return `${num(1)} ${t('unit.m2')}`;
    case 'plannedAreaHa':
    case 'mappedAreaHa': return `${num(2)} ${t('unit.ha')}`;
    case 'areaKm2':
    case 'officialAreaKm2':
    case 'mappedAreaKm2': return `${num(2)} ${t('unit.km2')}`;
    case 'lengthM': return `${num(0)} m`;
    case 'gsoCode': return String(raw);
    case 'population': return `${num(0)} ${t('unit.people')}`;
    case 'landUseCode': return landUseLabel(String(raw), lang);
    case 'digitised': return raw === true || raw === 'true' ? t('value.yes') : t('value.no');
  }
  const vocab = vocabulary(layerId, field);
  if (vocab) return tryT(`${vocab}.${String(raw)}`) ?? String(raw);
  if (typeof raw === 'boolean') return raw ? t('value.yes') : t('value.no');
  if (typeof raw === 'number') return num(3);
  return String(raw);
}

/** The rows of the details panel for one feature. */
export function describeFeature(layerId: LayerId, props: Record<string, unknown>, i18n: I18n): DetailRow[] {
  const listed = fieldsByLayer[layerId] ?? ['name'];
  const extra = Object.keys(props).filter((k) => !listed.includes(k) && !hidden.has(k));
  return [...listed, ...extra]
    .filter((k) => k in props || (layerId === 'parcels' && k !== 'backlogReason'))
    .filter((k) => !(k === 'backlogReason' && (props[k] === null || props[k] === undefined)))
    .map((k) => ({
      key: k,
      label: i18n.tryT(`field.${k}`) ?? k,
      value: formatValue(layerId, k, props[k], i18n),
    }));
}

/** The panel heading: the feature's name, or "Thửa đất số …, tờ bản đồ số …" for a parcel. */
export function featureTitle(layerId: LayerId, props: Record<string, unknown>, i18n: I18n): string {
  if (layerId === 'parcels' && props.parcelNo !== undefined) {
    return i18n.t('details.parcelTitle' as MessageKey, { parcelNo: String(props.parcelNo), mapSheetNo: String(props.mapSheetNo ?? '?') });
  }
  return typeof props.name === 'string' && props.name ? props.name : String(props.code ?? props.id ?? '');
}
