/**
 * The 36 cơ sở tín ngưỡng of report §2.5 (9 đình, 17 chùa, 2 đền, 4 miếu, 4 nghè) with ranks from footnotes
 * 2–4. The footnotes name 34 sites (3 national, 5 city, 26 unranked); 'Đình- chùa Khuê Bích' is one ranked
 * complex. Lăng mộ Quận công Nguyễn Công Hằng (footnote 3) is a tomb, not a cơ sở tín ngưỡng, so it is not a
 * record here. By their names the footnotes list 18 chùa + the Khuê Bích complex against the report's 17 chùa,
 * and only 1 đền, 2 miếu, 3 nghè: see `countedAs` and geodata/README.md for how the totals are reconciled.
 */
import type { DemoHeritageSite } from './types';

export interface SiteSpec {
  name: string;
  type: DemoHeritageSite['type'];
  rank: DemoHeritageSite['rank'];
  village: string | null;
  footnote: 2 | 3 | 4 | null;
  /** Set when `type` differs from what the name says, to make the report's type totals add up. */
  countedAs?: string;
}

const f2 = (name: string, type: SiteSpec['type'], village: string): SiteSpec => ({ name, type, rank: 'national', village, footnote: 2 });
const f3 = (name: string, type: SiteSpec['type'], village: string | null): SiteSpec => ({ name, type, rank: 'city', village, footnote: 3 });
const f4 = (name: string, type: SiteSpec['type'], village: string | null): SiteSpec => ({ name, type, rank: 'unranked', village, footnote: 4 });

const RECOUNT = 'Tên là “Chùa …” nhưng được tính vào loại này để tổng theo loại khớp báo cáo (17 chùa); dữ liệu minh họa';

export const HERITAGE_SITES: readonly SiteSpec[] = [
  f2('Chùa Huề Trì', 'chua', 'Huề Trì'),
  f2('Đình Huề Trì', 'dinh', 'Huề Trì'),
  f2('Đình- chùa Khuê Bích', 'chua', 'Khuê Bích'),
  f3('Đình Đông Hà', 'dinh', 'Đông Hà'),
  f3('Chùa Bảo Minh', 'chua', null),
  f3('Đình Đích Sơn', 'dinh', 'Đích Sơn'),
  f3('Đình Châu Bộ', 'dinh', 'Châu Bộ'),
  f3('Đình Thượng Xá', 'dinh', 'Thượng Xá'),
  { ...f4('Chùa Ngò', 'mieu', null), countedAs: RECOUNT },
  { ...f4('Chùa Rừng', 'mieu', null), countedAs: RECOUNT },
  f4('Chùa Tông', 'chua', null),
  f4('Đền Đống Ngục', 'den', null),
  f4('Chùa Than', 'chua', null),
  f4('Nghè Vô Cầu', 'nghe', null),
  f4('đình Làng An Bộ', 'dinh', 'An Bộ'),
  f4('Miếu Đại Thần', 'mieu', null),
  f4('Miếu Đống Ông', 'mieu', null),
  f4('Nghè Bờ Sông', 'nghe', null),
  f4('Nghè Đống Kiêu', 'nghe', null),
  f4('Chùa Bảo Lâm', 'chua', null),
  f4('Đình Phương Luật', 'dinh', 'Phương Luật'),
  f4('Đình Cổ Tân', 'dinh', 'Cổ Tân'),
  f4('Chùa Phương Luật', 'chua', 'Phương Luật'),
  f4('Chùa Đông Hà', 'chua', 'Đông Hà'),
  f4('Chùa Cổ Tân', 'chua', 'Cổ Tân'),
  f4('Chùa Bảo Quang', 'chua', null),
  f4('Chùa Phúc Môn', 'chua', null),
  f4('Chùa Quang Minh (La Xá)', 'chua', 'La Xá'),
  f4('Chùa Thượng Xá', 'chua', 'Thượng Xá'),
  f4('Chùa Đăng Duyên', 'chua', null),
  f4('Chùa Phúc Thiền', 'chua', null),
  f4('Đình Quế Lĩnh', 'dinh', 'Quế Lĩnh'),
  f4('Chùa Liên Hoa', 'chua', null),
  f4('Chùa Linh Sơn', 'chua', null),
  // Not named by the report: filled so that the total is 36 and each type total matches §2.5.
  { name: 'Đền (báo cáo không nêu tên)', type: 'den', rank: 'unranked', village: null, footnote: null },
  { name: 'Nghè (báo cáo không nêu tên)', type: 'nghe', rank: 'unranked', village: null, footnote: null },
];

export interface SchoolSpec {
  name: string;
  level: 'preschool' | 'primary' | 'lower_secondary';
  standardLevel: 1 | 2;
  unit: 'hiep-hoa' | 'thuong-quan' | 'an-phu';
}

const LEVELS = [
  ['preschool', 'Mầm non'],
  ['primary', 'Tiểu học'],
  ['lower_secondary', 'THCS'],
] as const;

const UNIT_LABEL = { 'hiep-hoa': 'Hiệp Hòa', 'thuong-quan': 'Thượng Quận', 'an-phu': 'An Phụ' } as const;

/** Report §2.2: 9 schools at 3 levels, all at standard level I, three at level II. Names per former unit. */
export const SCHOOLS: readonly SchoolSpec[] = (['hiep-hoa', 'thuong-quan', 'an-phu'] as const).flatMap((unit) =>
  LEVELS.map(([level, label]) => {
    const name = `Trường ${label} ${UNIT_LABEL[unit]}`;
    const two = ['Trường Tiểu học Thượng Quận', 'Trường Mầm non Hiệp Hòa', 'Trường Tiểu học Hiệp Hòa'].includes(name);
    return { name, level, standardLevel: two ? 2 : 1, unit } as SchoolSpec;
  }),
);
