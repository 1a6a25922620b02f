-- The land officer's certificate workflow (issue 4): accent-insensitive name search, the parcel register the
-- map, the counts, the backlog list and its exports share, and the indexes behind the progress chart.

-- Vietnamese accent folding for search ("nguyen van an" finds "Nguyễn Văn An"). Written with translate()
-- because PGlite has no unaccent extension; the same folding runs in Node (server/features/certificates/
-- search-terms.ts) and a test checks both agree on every party name. Input is NFC, as stored.
CREATE FUNCTION fold_vi(s text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT lower(translate(s,
    'àáạảãâầấậẩẫăằắặẳẵÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴèéẹẻẽêềếệểễÈÉẸẺẼÊỀẾỆỂỄìíịỉĩÌÍỊỈĨòóọỏõôồốộổỗơờớợởỡÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠùúụủũưừứựửữÙÚỤỦŨƯỪỨỰỬỮỳýỵỷỹỲÝỴỶỸđĐ',
    'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeeeeeeeiiiiiiiiiioooooooooooooooooooooooooooooooooouuuuuuuuuuuuuuuuuuuuuuyyyyyyyyyydd'))
$$;
CREATE INDEX party_name_fold_idx ON party (fold_vi(name) text_pattern_ops);

-- The progress chart counts certificates and resolved cases per month.
CREATE INDEX certificate_issue_date_idx ON certificate (issue_date);
CREATE INDEX backlog_case_resolved_idx ON backlog_case (resolved_at);

-- A certificate cannot be issued in the future (the API says so first; this keeps every other path honest).
CREATE FUNCTION certificate_date_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.issue_date > current_date THEN
    RAISE EXCEPTION 'certificate issue_date % is in the future', NEW.issue_date USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER certificate_date_check BEFORE INSERT OR UPDATE OF issue_date ON certificate
  FOR EACH ROW EXECUTE FUNCTION certificate_date_check();

-- One row per parcel with everything the register shows: cadastral key, land use, certificate status (from
-- the parcel_status view, never stored), the open backlog case, digitisation, residential group, and the land
-- users' names (personal data: the API hands them only to roles that may see them).
CREATE VIEW parcel_register AS
SELECT p.id, p.former_unit_id, p.map_sheet_no, p.parcel_no, p.land_use_code, p.legal_area_m2,
       p.residential_group_id, g.name AS residential_group, p.version, p.demo,
       s.cert_status, b.reason AS backlog_reason, b.note AS backlog_note, b.opened_at,
       c.digitised, c.serials, c.issue_date, h.holder_names
FROM parcel p
JOIN parcel_status s ON s.parcel_id = p.id
LEFT JOIN backlog_case b ON b.parcel_id = p.id AND b.resolved_at IS NULL
LEFT JOIN LATERAL (
  SELECT bool_or(x.digitised) AS digitised, string_agg(x.serial, ', ' ORDER BY x.issue_date) AS serials,
         min(x.issue_date) AS issue_date
  FROM certificate x WHERE x.parcel_id = p.id) c ON true
LEFT JOIN LATERAL (
  SELECT string_agg(y.name, '; ' ORDER BY y.id) AS holder_names
  FROM land_right r JOIN party y ON y.id = r.party_id
  WHERE r.parcel_id = p.id AND r.kind <> 'state_management') h ON true
LEFT JOIN admin_unit g ON g.id = p.residential_group_id;

-- The one definition of the register filters (former unit, tổ dân phố, land-use code, certificate status,
-- backlog reason, digitised), so the list, the counts and the exports cannot disagree. NULL = no filter.
-- digitised: true/false select parcels with a certificate that is / is not digitised.
CREATE FUNCTION parcel_register_filtered(want_units text[], want_groups text[], want_land_uses text[],
                                         want_statuses text[], want_reasons text[], want_digitised boolean)
RETURNS SETOF parcel_register LANGUAGE sql STABLE AS $$
  SELECT * FROM parcel_register r
  WHERE (want_units IS NULL OR r.former_unit_id = ANY (want_units))
    AND (want_groups IS NULL OR r.residential_group_id = ANY (want_groups))
    AND (want_land_uses IS NULL OR r.land_use_code = ANY (want_land_uses))
    AND (want_statuses IS NULL OR r.cert_status = ANY (want_statuses))
    AND (want_reasons IS NULL OR r.backlog_reason = ANY (want_reasons))
    AND (want_digitised IS NULL OR r.digitised = want_digitised)
$$;
