/**
 * Land-use codes (mã loại đất) of Thông tư 08/2024/TT-BTNMT (land statistics and inventory),
 * the subset met in the ward. Vietnamese names as the circular writes them; English for the switch.
 */
export const landUseNames: Record<string, { vi: string; en: string }> = {
  LUC: { vi: 'Đất chuyên trồng lúa', en: 'Specialised paddy land' },
  LUK: { vi: 'Đất trồng lúa còn lại', en: 'Other paddy land' },
  HNK: { vi: 'Đất trồng cây hằng năm khác', en: 'Other annual crops' },
  CLN: { vi: 'Đất trồng cây lâu năm', en: 'Perennial crops' },
  NTS: { vi: 'Đất nuôi trồng thủy sản', en: 'Aquaculture' },
  NKH: { vi: 'Đất nông nghiệp khác', en: 'Other agricultural land' },
  ONT: { vi: 'Đất ở tại nông thôn', en: 'Rural residential land' },
  ODT: { vi: 'Đất ở tại đô thị', en: 'Urban residential land' },
  TSC: { vi: 'Đất xây dựng trụ sở cơ quan', en: 'Government offices' },
  CQP: { vi: 'Đất quốc phòng', en: 'Defence' },
  CAN: { vi: 'Đất an ninh', en: 'Security' },
  DVH: { vi: 'Đất xây dựng cơ sở văn hóa', en: 'Cultural facilities' },
  DYT: { vi: 'Đất xây dựng cơ sở y tế', en: 'Health facilities' },
  DGD: { vi: 'Đất xây dựng cơ sở giáo dục và đào tạo', en: 'Education and training facilities' },
  DTT: { vi: 'Đất xây dựng cơ sở thể dục, thể thao', en: 'Sports facilities' },
  SKK: { vi: 'Đất khu công nghiệp', en: 'Industrial park' },
  SKN: { vi: 'Đất cụm công nghiệp', en: 'Industrial cluster' },
  SKC: { vi: 'Đất cơ sở sản xuất phi nông nghiệp', en: 'Non-agricultural production' },
  TMD: { vi: 'Đất thương mại, dịch vụ', en: 'Commerce and services' },
  DGT: { vi: 'Đất công trình giao thông', en: 'Transport' },
  DTL: { vi: 'Đất công trình thủy lợi', en: 'Irrigation works' },
  DNL: { vi: 'Đất công trình năng lượng', en: 'Energy works' },
  DCH: { vi: 'Đất chợ dân sinh, chợ đầu mối', en: 'Markets' },
  DKV: { vi: 'Đất khu vui chơi, giải trí công cộng', en: 'Public recreation' },
  DSH: { vi: 'Đất công trình sinh hoạt cộng đồng', en: 'Community halls' },
  DRA: { vi: 'Đất công trình xử lý chất thải', en: 'Waste treatment' },
  TON: { vi: 'Đất tôn giáo', en: 'Religious land' },
  TIN: { vi: 'Đất tín ngưỡng', en: 'Belief (worship) land' },
  NTD: { vi: 'Đất nghĩa trang, nhà tang lễ, cơ sở hỏa táng', en: 'Cemeteries and funeral facilities' },
  SON: { vi: 'Đất sông, ngòi, kênh, rạch, suối', en: 'Rivers, canals and streams' },
  MNC: { vi: 'Đất có mặt nước chuyên dùng', en: 'Special-use water surface' },
  BCS: { vi: 'Đất bằng chưa sử dụng', en: 'Unused flat land' },
};

/** "ONT — Đất ở tại nông thôn"; an unknown code is shown as it is. */
export function landUseLabel(code: string, lang: 'vi' | 'en'): string {
  const name = landUseNames[code.toUpperCase()];
  return name ? `${code} — ${name[lang]}` : code;
}
