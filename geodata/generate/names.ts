/**
 * Synthetic Vietnamese names and the report's place names. People are invented; villages are the ones the
 * report and its footnotes name. Which former unit a village belongs to is documented only for Huề Trì
 * (An Phụ) and Thượng Xá (Thượng Quận); the other assignments are a demo choice (see geodata/README.md).
 */
import type { FormerUnitId } from './types';
import type { Rng } from './prng';

export interface Village {
  name: string;
  formerUnitId: FormerUnitId;
}

export const VILLAGES: readonly Village[] = [
  { name: 'Huề Trì', formerUnitId: 'an-phu' },
  { name: 'Khuê Bích', formerUnitId: 'an-phu' },
  { name: 'An Bộ', formerUnitId: 'an-phu' },
  { name: 'La Xá', formerUnitId: 'an-phu' },
  { name: 'Đích Sơn', formerUnitId: 'hiep-hoa' },
  { name: 'Châu Bộ', formerUnitId: 'hiep-hoa' },
  { name: 'Quế Lĩnh', formerUnitId: 'hiep-hoa' },
  { name: 'Đông Hà', formerUnitId: 'hiep-hoa' },
  { name: 'Thượng Xá', formerUnitId: 'thuong-quan' },
  { name: 'Phương Luật', formerUnitId: 'thuong-quan' },
  { name: 'Cổ Tân', formerUnitId: 'thuong-quan' },
];

/**
 * The 16 tổ dân phố: 7 in An Phụ, 5 in Hiệp Hòa, 4 in Thượng Quận (16 × population share, footnote 7:
 * 11,406 / 8,369 / 6,921 → 6.8 / 5.0 / 4.1). Large villages get two groups ('… 2').
 */
export const GROUP_VILLAGES: readonly string[] = [
  'Huề Trì', 'Huề Trì 2', 'Khuê Bích', 'Khuê Bích 2', 'An Bộ', 'La Xá', 'La Xá 2',
  'Đích Sơn', 'Châu Bộ', 'Quế Lĩnh', 'Đông Hà', 'Đông Hà 2',
  'Thượng Xá', 'Thượng Xá 2', 'Phương Luật', 'Cổ Tân',
];

export const UNIT_NAMES: Record<FormerUnitId, string> = {
  'hiep-hoa': 'Hiệp Hòa',
  'thuong-quan': 'Thượng Quận',
  'an-phu': 'An Phụ',
};

// Rough frequencies of Vietnamese family names, with the Red River delta's Vũ, Đỗ, Đào, Mạc a little higher.
const SURNAMES = ['Nguyễn', 'Trần', 'Phạm', 'Lê', 'Vũ', 'Đỗ', 'Hoàng', 'Bùi', 'Đào', 'Đặng', 'Ngô', 'Mạc', 'Dương', 'Phan', 'Đinh', 'Lương'];
const SURNAME_WEIGHTS = [30, 10, 10, 7, 7, 6, 4, 5, 4, 3, 3, 3, 2, 2, 2, 2];
const MALE_MIDDLE = ['Văn', 'Văn', 'Văn', 'Đức', 'Quang', 'Minh', 'Hữu', 'Công', 'Xuân', 'Thế', 'Đình', 'Ngọc'];
const FEMALE_MIDDLE = ['Thị', 'Thị', 'Thị', 'Thị', 'Thu', 'Ngọc', 'Minh', 'Thanh', 'Hồng'];
const MALE_GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hùng', 'Hải', 'Hưng', 'Khánh', 'Long', 'Nam', 'Phong', 'Quân', 'Sơn', 'Thắng', 'Tuấn', 'Việt', 'Toàn', 'Thành', 'Hiếu', 'Tùng', 'Trung', 'Lâm', 'Đạt', 'Huy', 'Kiên', 'Mạnh', 'Nghĩa', 'Tiến', 'Vinh', 'Chiến'];
const FEMALE_GIVEN = ['Hoa', 'Lan', 'Hương', 'Mai', 'Hạnh', 'Hằng', 'Nga', 'Ngọc', 'Thảo', 'Trang', 'Yến', 'Huyền', 'Liên', 'Loan', 'Nhung', 'Thủy', 'Tâm', 'Dung', 'Oanh', 'Phượng', 'Vân', 'Xuân', 'Hiền', 'Lý'];

export interface Person {
  fullName: string;
  male: boolean;
  birthYear: number;
}

/** A synthetic adult (born 1940–2000). */
export function randomPerson(rng: Rng): Person {
  const male = rng.chance(0.62); // household heads in land registers are mostly men
  const surname = rng.weighted(SURNAMES, SURNAME_WEIGHTS);
  const middle = rng.pick(male ? MALE_MIDDLE : FEMALE_MIDDLE);
  const given = rng.pick(male ? MALE_GIVEN : FEMALE_GIVEN);
  return { fullName: `${surname} ${middle} ${given}`, male, birthYear: rng.int(1940, 2000) };
}

/**
 * A synthetic 12-digit CCCD-shaped number. The province part is '099', which is assigned to no province,
 * so a generated number can never be a real person's.
 */
export function syntheticIdNumber(rng: Rng, p: Person): string {
  const centuryGender = (p.birthYear >= 2000 ? 2 : 0) + (p.male ? 0 : 1);
  const serial = String(rng.int(0, 999_999)).padStart(6, '0');
  return `099${centuryGender}${String(p.birthYear % 100).padStart(2, '0')}${serial}`;
}

export function villageAddress(village: string): string {
  return `Thôn ${village}, phường Trần Liễu, thành phố Hải Phòng`;
}
