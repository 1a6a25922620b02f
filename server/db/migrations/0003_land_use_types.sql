-- Land-use types (loại đất) and their codes from Thông tư 08/2024/TT-BTNMT (thống kê, kiểm kê đất đai).
CREATE TABLE land_use_type (
  code      text PRIMARY KEY,
  name_vi   text NOT NULL,
  name_en   text NOT NULL,
  land_group text NOT NULL CHECK (land_group IN ('agricultural', 'non_agricultural', 'unused'))
);

INSERT INTO land_use_type (code, name_vi, name_en, land_group) VALUES
 ('LUC', 'Đất chuyên trồng lúa', 'Specialised rice land', 'agricultural'),
 ('LUK', 'Đất trồng lúa còn lại', 'Other rice land', 'agricultural'),
 ('HNK', 'Đất trồng cây hằng năm khác', 'Other annual crops', 'agricultural'),
 ('CLN', 'Đất trồng cây lâu năm', 'Perennial crops', 'agricultural'),
 ('RSX', 'Đất rừng sản xuất', 'Production forest', 'agricultural'),
 ('NTS', 'Đất nuôi trồng thủy sản', 'Aquaculture', 'agricultural'),
 ('CNT', 'Đất chăn nuôi tập trung', 'Concentrated livestock farming', 'agricultural'),
 ('NKH', 'Đất nông nghiệp khác', 'Other agricultural land', 'agricultural'),
 ('ONT', 'Đất ở tại nông thôn', 'Rural residential land', 'non_agricultural'),
 ('ODT', 'Đất ở tại đô thị', 'Urban residential land', 'non_agricultural'),
 ('TSC', 'Đất xây dựng trụ sở cơ quan', 'Government office land', 'non_agricultural'),
 ('DGD', 'Đất xây dựng cơ sở giáo dục và đào tạo', 'Education land', 'non_agricultural'),
 ('DYT', 'Đất xây dựng cơ sở y tế', 'Health-care land', 'non_agricultural'),
 ('DVH', 'Đất xây dựng cơ sở văn hóa', 'Cultural facility land', 'non_agricultural'),
 ('DTT', 'Đất xây dựng cơ sở thể dục, thể thao', 'Sports facility land', 'non_agricultural'),
 ('DCH', 'Đất chợ dân sinh, chợ đầu mối', 'Market land', 'non_agricultural'),
 ('SKK', 'Đất khu công nghiệp', 'Industrial park land', 'non_agricultural'),
 ('SKN', 'Đất cụm công nghiệp', 'Industrial cluster land', 'non_agricultural'),
 ('SKC', 'Đất cơ sở sản xuất phi nông nghiệp', 'Non-agricultural production land', 'non_agricultural'),
 ('TMD', 'Đất thương mại, dịch vụ', 'Commercial and service land', 'non_agricultural'),
 ('DGT', 'Đất công trình giao thông', 'Transport land', 'non_agricultural'),
 ('DTL', 'Đất công trình thủy lợi', 'Irrigation works land', 'non_agricultural'),
 ('DNL', 'Đất công trình năng lượng', 'Energy works land', 'non_agricultural'),
 ('DKV', 'Đất khu vui chơi, giải trí công cộng', 'Public recreation land', 'non_agricultural'),
 ('TON', 'Đất tôn giáo', 'Religious land', 'non_agricultural'),
 ('TIN', 'Đất tín ngưỡng', 'Belief (communal worship) land', 'non_agricultural'),
 ('NTD', 'Đất nghĩa trang, nhà tang lễ, cơ sở hỏa táng', 'Cemetery and funeral land', 'non_agricultural'),
 ('SON', 'Đất có mặt nước dạng sông, ngòi, kênh, rạch, suối', 'Rivers, canals and streams', 'non_agricultural'),
 ('MNC', 'Đất có mặt nước chuyên dùng', 'Special-use water surface', 'non_agricultural'),
 ('BCS', 'Đất bằng chưa sử dụng', 'Unused flat land', 'unused');
