/**
 * The map's layers as data: what each is, where it comes from, and whether it is real or demo data.
 * Sources and licence notes: geodata/README.md (from ../shared/geodata/SOURCES.md).
 */
import type { Bilingual, LayerId } from '../../api/contract.ts';

export interface LayerDef {
  id: LayerId;
  title: Bilingual;
  geometryType: 'Polygon' | 'LineString' | 'Point';
  source: Bilingual;
  attribution: string;
  visible: boolean;
}

const WARD_SRC: Bilingual = {
  vi: 'Ranh giới đơn vị hành chính cấp xã từ 01/7/2025: gis.vn "Bản đồ hành chính Việt Nam" (qua github lamngockhuong/vietnam-3d-map, 12/2025), thuộc tính sapnhap.bando.com.vn. Khái quát hóa ≈ 50 m — ranh giới gần đúng. Nguồn không nêu giấy phép dữ liệu.',
  en: 'Commune-level boundaries from 1 July 2025: gis.vn "Vietnam administrative map" (via github lamngockhuong/vietnam-3d-map, Dec 2025), attributes sapnhap.bando.com.vn. Generalised ≈ 50 m — approximate. The source states no data licence.',
};
const DEMO_SRC: Bilingual = {
  vi: 'Dữ liệu minh họa: sinh tự động, tất định (seed cố định), hiệu chỉnh theo Báo cáo KT-XH 9 tháng 2025 của phường. Không phải dữ liệu địa chính thật.',
  en: 'Demo data: generated deterministically (fixed seed), calibrated to the ward\'s 9-month 2025 socio-economic report. Not real cadastral data.',
};
const DEMO_ATTR = 'Dữ liệu minh họa / demo data';

export const LAYERS: readonly LayerDef[] = [
  { id: 'neighbour-wards', geometryType: 'Polygon', visible: true,
    title: { vi: 'Phường, xã lân cận', en: 'Neighbouring wards' }, source: WARD_SRC,
    attribution: 'Ranh giới 2025: gis.vn, sapnhap.bando.com.vn (≈50 m)' },
  { id: 'ward', geometryType: 'Polygon', visible: true,
    title: { vi: 'Phường Trần Liễu (2025)', en: 'Trần Liễu ward (2025)' }, source: WARD_SRC,
    attribution: 'Ranh giới 2025: gis.vn, sapnhap.bando.com.vn (≈50 m)' },
  { id: 'former-units', geometryType: 'Polygon', visible: true,
    title: { vi: 'Đơn vị hành chính cũ (trước 01/7/2025)', en: 'Former units (before 1 July 2025)' },
    source: {
      vi: 'Ranh giới xã 2008–2013 (CSDL hành chính 1:250.000, qua gói R choisy/vietnam63, MIT; nguồn dữ liệu gốc không nêu giấy phép), khái quát hóa ≈ 150 m, cắt theo ranh giới phường 2025 (xã Thượng Quận chỉ một phần).',
      en: 'Commune boundaries 2008–2013 (1:250,000 administrative GDB, via R package choisy/vietnam63, MIT; underlying data licence unstated), generalised ≈ 150 m, clipped to the 2025 ward (only part of Thượng Quận).',
    },
    attribution: 'Xã cũ: vietnam63 / CSDL hành chính 1:250k (≈150 m)' },
  { id: 'residential-groups', geometryType: 'Polygon', visible: false,
    title: { vi: 'Tổ dân phố', en: 'Residential groups (tổ dân phố)' }, source: DEMO_SRC, attribution: DEMO_ATTR },
  { id: 'parcels', geometryType: 'Polygon', visible: true,
    title: { vi: 'Thửa đất (tình trạng GCN)', en: 'Parcels (certificate status)' }, source: DEMO_SRC, attribution: DEMO_ATTR },
  { id: 'projects', geometryType: 'Polygon', visible: true,
    title: { vi: 'Dự án kế hoạch sử dụng đất 2025', en: '2025 land-use plan projects' }, source: DEMO_SRC, attribution: DEMO_ATTR },
  { id: 'roads', geometryType: 'LineString', visible: true,
    title: { vi: 'Đường giao thông', en: 'Roads' }, source: DEMO_SRC, attribution: DEMO_ATTR },
  { id: 'heritage-sites', geometryType: 'Point', visible: true,
    title: { vi: 'Cơ sở tín ngưỡng, tôn giáo, di tích', en: 'Places of worship and relics' },
    source: {
      vi: 'Tên, loại, xếp hạng: Báo cáo 9 tháng 2025 (mục 2.5, chú thích 2–4). Vị trí: minh họa.',
      en: 'Names, types, ranks: the 9-month 2025 report (§2.5, footnotes 2–4). Positions: demo.',
    },
    attribution: DEMO_ATTR },
  { id: 'schools', geometryType: 'Point', visible: true,
    title: { vi: 'Trường học', en: 'Schools' },
    source: {
      vi: 'Số trường, mức chuẩn quốc gia: Báo cáo 9 tháng 2025 (mục 2.2). Vị trí và một số tên: minh họa.',
      en: 'Number of schools and standard levels: the 9-month 2025 report (§2.2). Positions and some names: demo.',
    },
    attribution: DEMO_ATTR },
  { id: 'ward-office', geometryType: 'Point', visible: true,
    title: { vi: 'Trụ sở UBND phường', en: 'Ward People\'s Committee' },
    source: {
      vi: 'sapnhap.bando.com.vn (qua vietnam-3d-map), tọa độ 3–4 chữ số thập phân.',
      en: 'sapnhap.bando.com.vn (via vietnam-3d-map), coordinates to 3–4 decimals.',
    },
    attribution: 'Trụ sở: sapnhap.bando.com.vn' },
];
