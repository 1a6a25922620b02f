/** The details panel shows a parcel in the profession's Vietnamese terms, and in English when switched. */
import { describe, expect, it } from 'vitest';
import { describeFeature, featureTitle } from '../../client/features/details/describe-feature';
import { format, messages, type I18n, type Lang } from '../../client/i18n/use-i18n';
import { landUseLabel, landUseNames } from '../../client/i18n/land-use';

function i18n(lang: Lang): I18n {
  const dict = messages[lang] as Record<string, string>;
  return { lang, setLang: () => {}, t: (k, v) => format(dict[k] ?? k, v), tryT: (k) => dict[k] };
}

const parcel = {
  id: 42, demo: true, formerUnit: 'thuong-quan', mapSheetNo: 12, parcelNo: 345, landUseCode: 'ONT',
  legalAreaM2: 1234.5, mappedAreaM2: 1240.27, certStatus: 'backlog', backlogReason: 'encroachment',
  digitised: false, residentialGroup: 'Tổ dân phố Huề Trì',
};

describe('describeFeature', () => {
  it('labels a parcel with Vietnamese professional terms', () => {
    const rows = Object.fromEntries(describeFeature('parcels', parcel, i18n('vi')).map((r) => [r.label, r.value]));
    expect(rows['Số tờ']).toBe('12');
    expect(rows['Số thửa']).toBe('345');
    expect(rows['Loại đất']).toBe('ONT — Đất ở tại nông thôn');
    expect(rows['Diện tích pháp lý']).toBe('1.234,5 m²');
    expect(rows['Tình trạng GCN']).toBe('Chờ cấp GCN lần đầu');
    expect(rows['Đơn vị hành chính cũ']).toBe('Thượng Quận (cũ)');
    expect(Object.keys(rows)).not.toContain('id');
  });

  it('switches to English', () => {
    const rows = Object.fromEntries(describeFeature('parcels', parcel, i18n('en')).map((r) => [r.key, r.value]));
    expect(rows.certStatus).toBe('Awaiting first certificate');
    expect(rows.legalAreaM2).toBe('1,234.5 m²');
    expect(rows.landUseCode).toBe('ONT — Rural residential land');
  });

  it('hides an empty backlog reason and titles the parcel by sheet and number', () => {
    const rows = describeFeature('parcels', { ...parcel, backlogReason: null, certStatus: 'issued' }, i18n('vi'));
    expect(rows.map((r) => r.key)).not.toContain('backlogReason');
    expect(featureTitle('parcels', parcel, i18n('vi'))).toBe('Thửa đất số 345, tờ bản đồ số 12');
  });

  it('translates the type of a heritage site and of a project differently', () => {
    const h = describeFeature('heritage-sites', { name: 'Chùa Huề Trì', type: 'chua', rank: 'national' }, i18n('vi'));
    expect(h.find((r) => r.key === 'type')?.value).toBe('Chùa');
    const p = describeFeature('projects', { name: 'KCN', type: 'industrial', status: 'clearing', plannedAreaHa: 12.5 }, i18n('vi'));
    expect(p.find((r) => r.key === 'status')?.value).toBe('Đang giải phóng mặt bằng');
    expect(p.find((r) => r.key === 'plannedAreaHa')?.value).toBe('12,5 ha');
  });
});

describe('land-use codes (Thông tư 08/2024/TT-BTNMT)', () => {
  it('knows the codes used in the ward', () => {
    for (const c of ['LUC', 'LUK', 'HNK', 'CLN', 'NTS', 'ONT', 'ODT', 'SKN', 'SKC', 'DGT', 'DTL', 'TON', 'TIN',
      'NTD', 'DGD', 'DYT', 'DVH', 'DTT', 'DCH', 'TSC', 'SON', 'MNC', 'BCS']) {
      expect(landUseNames[c], c).toBeDefined();
    }
    expect(landUseLabel('XYZ', 'vi')).toBe('XYZ');
  });
});
