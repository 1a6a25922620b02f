/**
 * The land officers' certificate workflow: the parcel register (list + counts, CSV/XLSX export, facets),
 * search, the parcel panel, status edits (optimistic concurrency, audited) and progress against the target.
 * Everyone may read (without personal data unless their role allows it); only land officers edit.
 */
import { Router, type Request } from 'express';
import type pg from 'pg';
import {
  CertificatesPath, ErrorCode, ExportQuery, FIRST_CERT_TARGET, ParcelEdit, ParcelEditBody, RegisterQuery, SearchQuery,
  type ParcelDetail, type RegisterPage, type SearchHit, type SearchResult,
} from '../../api/contract.ts';
import { withActorTransaction } from '../../db/pool.ts';
import { actorOf, allow, canSeePersonalData, currentUser } from '../../http/auth.ts';
import { HttpError } from '../../http/errors.ts';
import { personalDataFor, redactAuditEntry, redactPersonalData } from '../../http/personal-data.ts';
import { parse } from '../../http/validate.ts';
import { certificatesRepo, type EditRefusal } from './certificates.repo.ts';
import { progressOf } from './progress.ts';
import { registerCsv, registerXlsx } from './register-export.ts';
import { nameTerm, parseCadastralKey, parseSerialPrefix } from './search-terms.ts';

const EXPORT_LIMIT = 20_000; // rows; the ward has ≈ 8,300 parcels
const IdParam = ParcelEdit.options[0].shape.version; // a positive integer
const DEMO_NOTE = 'Dữ liệu minh họa — không phải dữ liệu địa chính thật (demo data, not the real register).';

const REFUSALS: Record<Exclude<EditRefusal, 'version_conflict'>, [number, ErrorCode, string]> = {
  serial_taken: [409, ErrorCode.serialTaken, 'Số phát hành GCN này đã được sử dụng. / This certificate serial is already used.'],
  already_issued: [409, ErrorCode.alreadyIssued, 'Thửa đất đã được cấp GCN. / The parcel already holds a certificate.'],
  no_right_holder: [409, ErrorCode.noRightHolder, 'Thửa đất không có chủ sử dụng được cấp GCN (đất Nhà nước quản lý). / The parcel has no land user a certificate can be issued to (State land).'],
  no_certificate: [409, ErrorCode.badRequest, 'Thửa đất chưa có GCN để số hóa. / The parcel has no certificate to digitise.'],
};

function parcelId(req: Request): number {
  return parse(IdParam, Number(req.params.id), ErrorCode.notFound);
}

/** The parcel panel as this user may see it. */
function detailFor(req: Request, d: ParcelDetail): ParcelDetail {
  const user = currentUser(req);
  if (canSeePersonalData(user)) return d;
  // The change history is the audit trail (who changed what): staff only, redacted for roles without personal data.
  return { ...redactPersonalData({ ...d, history: [] }), history: user ? d.history.map(redactAuditEntry) : [] };
}

/** Today as YYYY-MM-DD in the server's time zone (the ward's, in production). */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function certificatesRoutes(pool: pg.Pool): Router {
  const repo = certificatesRepo(pool);
  const r = Router();

  r.get(CertificatesPath.facets, allow('GET /api/certificates/facets'), async (_req, res) => {
    res.json(await repo.facets());
  });

  r.get(CertificatesPath.parcels, allow('GET /api/certificates/parcels'), async (req, res) => {
    const q = parse(RegisterQuery, req.query);
    const rows = await repo.list(q, q.sort, q.dir, q.pageSize, (q.page - 1) * q.pageSize);
    const body: RegisterPage = { rows, counts: await repo.counts(q), page: q.page, pageSize: q.pageSize };
    res.json(personalDataFor(currentUser(req), body));
  });

  r.get(CertificatesPath.export, allow('GET /api/certificates/export'), async (req, res) => {
    const q = parse(ExportQuery, req.query);
    const withNames = canSeePersonalData(currentUser(req));
    const rows = personalDataFor(currentUser(req), await repo.list(q, q.sort, q.dir, EXPORT_LIMIT, 0));
    const stamp = today();
    if (q.format === 'csv') {
      res.attachment(`danh-sach-thua-dat-${stamp}.csv`).type('text/csv; charset=utf-8').send(registerCsv(rows, withNames));
      return;
    }
    const note = `${DEMO_NOTE}\nXuất ngày ${stamp}; ${rows.length} thửa; bộ lọc: ${JSON.stringify(req.query)}`;
    res.attachment(`danh-sach-thua-dat-${stamp}.xlsx`).send(await registerXlsx(rows, withNames, note));
  });

  r.get(CertificatesPath.search, allow('GET /api/certificates/search'), async (req, res) => {
    const { q } = parse(SearchQuery, req.query);
    const nameSearch = canSeePersonalData(currentUser(req));
    const key = parseCadastralKey(q);
    const serial = parseSerialPrefix(q);
    const term = key || serial ? null : nameTerm(q);
    const hits: SearchHit[] = [
      ...(key ? await repo.searchKey(key) : []),
      ...(serial ? await repo.searchSerial(serial) : []),
      ...(term && nameSearch ? await repo.searchName(term) : []),
    ];
    const body: SearchResult = { hits, nameSearch };
    res.json(personalDataFor(currentUser(req), body));
  });

  r.get(CertificatesPath.progress, allow('GET /api/certificates/progress'), async (_req, res) => {
    res.json(await progressOf(repo, FIRST_CERT_TARGET));
  });

  r.get(`${CertificatesPath.parcels}/:id`, allow('GET /api/certificates/parcels/:id'), async (req, res) => {
    const d = await repo.detail(parcelId(req));
    if (!d) throw new HttpError(404, ErrorCode.notFound, 'Không có thửa đất này. / No such parcel.');
    res.json(detailFor(req, d));
  });

  r.patch(`${CertificatesPath.parcels}/:id`, allow('PATCH /api/certificates/parcels/:id'), async (req, res) => {
    const id = parcelId(req);
    const edit = parse(ParcelEditBody, req.body);
    if (edit.action === 'issue' && edit.issueDate > today()) {
      throw new HttpError(400, ErrorCode.dateInFuture, 'Ngày cấp GCN không được sau ngày hôm nay. / The issue date cannot be in the future.');
    }
    const result = await withActorTransaction(pool, actorOf(req.user!), async (c) => {
      const out = await repo.applyEdit(c, id, edit);
      if (!out.ok) throw new EditRefused(out.reason);
      return out;
    }).catch((err) => {
      if (err instanceof EditRefused) return { ok: false as const, reason: err.reason };
      if (err?.code === '23505') return { ok: false as const, reason: 'serial_taken' as const }; // a concurrent insert won
      if (err?.code === '23514' && /future/.test(err.message)) {
        throw new HttpError(400, ErrorCode.dateInFuture, 'Ngày cấp GCN không được sau ngày hôm nay. / The issue date cannot be in the future.');
      }
      throw err;
    });
    const current = await repo.detail(id);
    if (!current) throw new HttpError(404, ErrorCode.notFound, 'Không có thửa đất này. / No such parcel.');
    if (result.ok) {
      res.json(detailFor(req, current));
      return;
    }
    if (result.reason === 'version_conflict') {
      res.status(409).json({
        error: { code: ErrorCode.versionConflict, message: 'Thửa đất vừa được người khác cập nhật; hãy xem trạng thái hiện tại rồi sửa lại. / Someone else changed this parcel first; review its current state and edit again.' },
        current: detailFor(req, current),
      });
      return;
    }
    const [status, code, message] = REFUSALS[result.reason];
    throw new HttpError(status, code, message);
  });
  return r;
}

class EditRefused extends Error {
  constructor(readonly reason: EditRefusal) {
    super(reason);
  }
}
