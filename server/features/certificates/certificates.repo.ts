/**
 * Queries of the certificate workflow: the parcel register (list, counts, facets), search, the parcel panel,
 * and the edits (run inside the caller's transaction). Never sees req/res; snake_case → camelCase here.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import type { z } from 'zod';
import {
  areaTolerance, BacklogReason, CertStatus, ParcelEdit,
  type ParcelDetail, type RegisterCounts, type RegisterFacets, type RegisterFilter,
  type RegisterRow, type RegisterSort, type SearchHit, type SearchMatch,
} from '../../api/contract.ts';
import { loadSqlDir } from '../../db/sql.ts';
import { queryOne } from '../../db/query.ts';
import type { CadastralKey } from './search-terms.ts';

const sql = loadSqlDir(path.join(path.dirname(fileURLToPath(import.meta.url)), 'sql'), [
  'list-parcels', 'count-parcels', 'facet-groups', 'facet-land-uses', 'search-key', 'search-name', 'search-serial',
  'parcel-detail', 'parcel-parties', 'parcel-certificates', 'parcel-backlog', 'parcel-history', 'bump-version',
  'right-holder', 'serial-exists', 'insert-certificate', 'resolve-backlog', 'upsert-backlog', 'set-digitised',
  'count-certificates', 'progress-months', 'progress-summary',
  'find-party', 'update-party', 'insert-party', 'delete-ownership-rights', 'insert-right',
] as const);

type Db = Pick<pg.Pool, 'query'> | pg.PoolClient;
type Row = Record<string, any>;

/** The six filter parameters of parcel_register_filtered(), in order. */
function filterParams(f: RegisterFilter): unknown[] {
  const digitised = f.digitised === undefined ? null : f.digitised === 'yes';
  return [f.formerUnit ?? null, f.group ?? null, f.landUse ?? null, f.status ?? null, f.reason ?? null, digitised];
}

function toRegisterRow(r: Row): RegisterRow {
  return {
    id: r.id, formerUnit: r.former_unit_id, mapSheetNo: r.map_sheet_no, parcelNo: r.parcel_no,
    landUseCode: r.land_use_code, legalAreaM2: r.legal_area_m2, residentialGroupId: r.residential_group_id,
    residentialGroup: r.residential_group, certStatus: r.cert_status, backlogReason: r.backlog_reason,
    backlogNote: r.backlog_note, openedAt: r.opened_at, digitised: r.digitised, serials: r.serials,
    issueDate: r.issue_date, holderName: r.holder_names, version: r.version, demo: r.demo,
  };
}

const bboxOf = (r: Row): [number, number, number, number] => [r.min_lon, r.min_lat, r.max_lon, r.max_lat];

function toHit(r: Row, match: SearchMatch): SearchHit {
  return {
    parcelId: r.id, formerUnit: r.former_unit_id, mapSheetNo: r.map_sheet_no, parcelNo: r.parcel_no,
    landUseCode: r.land_use_code, certStatus: r.cert_status, match, bbox: bboxOf(r),
    ...(r.holder_name ? { holderName: r.holder_name } : {}), ...(r.serial ? { serial: r.serial } : {}),
  };
}

/** Why an edit was refused (nothing was changed). */
export type EditRefusal = 'version_conflict' | 'serial_taken' | 'already_issued' | 'no_right_holder' | 'no_certificate';
export type EditResult = { ok: true; version: number } | { ok: false; reason: EditRefusal };

export function certificatesRepo(pool: pg.Pool) {
  return {
    /** One page (limit null = all) of the filtered, sorted register. */
    async list(f: RegisterFilter, sort: RegisterSort, dir: 'asc' | 'desc', limit: number | null, offset: number): Promise<RegisterRow[]> {
      const { rows } = await pool.query(sql['list-parcels'], [...filterParams(f), sort, dir, limit, offset]);
      return rows.map(toRegisterRow);
    },

    /** Counts of the filtered register by status, reason and digitisation. */
    async counts(f: RegisterFilter): Promise<RegisterCounts> {
      const r = await queryOne<Row>(pool, sql['count-parcels'], filterParams(f));
      return {
        total: r.total,
        byStatus: Object.fromEntries(CertStatus.options.map((s) => [s, r[s]])) as RegisterCounts['byStatus'],
        byReason: Object.fromEntries(BacklogReason.options.map((s) => [s, r[s]])) as RegisterCounts['byReason'],
        digitised: r.digitised,
        notDigitised: r.not_digitised,
      };
    },

    /** Residential groups and land-use codes to filter by. */
    async facets(): Promise<RegisterFacets> {
      const groups = (await pool.query(sql['facet-groups'])).rows.map((r) => ({ id: r.id, name: r.name, formerUnit: r.former_unit }));
      const landUses = (await pool.query(sql['facet-land-uses'])).rows.map((r) => ({ code: r.code, nameVi: r.name_vi, nameEn: r.name_en, n: r.n }));
      return { groups, landUses };
    },

    /** Parcels by cadastral key. */
    async searchKey(k: CadastralKey): Promise<SearchHit[]> {
      const { rows } = await pool.query(sql['search-key'], [k.formerUnit ?? null, k.mapSheetNo ?? null, k.parcelNo]);
      return rows.map((r) => toHit(r, 'key'));
    },
    /** Parcels of land users whose folded name contains term (already folded and escaped). */
    async searchName(term: string): Promise<SearchHit[]> {
      return (await pool.query(sql['search-name'], [term])).rows.map((r) => toHit(r, 'name'));
    },
    /** Parcels by certificate serial prefix (upper case, no spaces). */
    async searchSerial(prefix: string): Promise<SearchHit[]> {
      return (await pool.query(sql['search-serial'], [prefix])).rows.map((r) => toHit(r, 'serial'));
    },

    /** Everything the parcel panel shows, or null for an unknown parcel. */
    async detail(id: number, db: Db = pool): Promise<ParcelDetail | null> {
      const { rows: [p] } = await db.query(sql['parcel-detail'], [id]);
      if (!p) return null;
      const parties = (await db.query(sql['parcel-parties'], [id])).rows;
      const certs = (await db.query(sql['parcel-certificates'], [id])).rows;
      const { rows: [b] } = await db.query(sql['parcel-backlog'], [id]);
      const history = (await db.query(sql['parcel-history'], [id])).rows;
      return {
        id: p.id, version: p.version, demo: p.demo, formerUnit: p.former_unit_id, mapSheetNo: p.map_sheet_no,
        parcelNo: p.parcel_no, landUseCode: p.land_use_code, landUseNameVi: p.land_use_name_vi,
        landUseNameEn: p.land_use_name_en, legalAreaM2: p.legal_area_m2, mappedAreaM2: p.mapped_area_m2,
        areaDifferenceM2: Math.round((p.mapped_area_m2 - p.legal_area_m2) * 10) / 10,
        areaToleranceM2: Math.round(areaTolerance(p.legal_area_m2) * 10) / 10,
        residentialGroup: p.residential_group, village: p.village, certStatus: p.cert_status,
        parties: parties.map((r) => ({
          partyId: r.party_id, kind: r.kind, name: r.name, address: r.address, idNumber: r.id_number,
          rightKind: r.right_kind, share: r.share,
        })),
        certificates: certs.map((r) => ({ id: r.id, serial: r.serial, issueDate: r.issue_date, digitised: r.digitised, partyId: r.party_id })),
        backlog: b ? { id: b.id, reason: b.reason, note: b.note, openedAt: b.opened_at, resolvedAt: b.resolved_at } : null,
        bbox: bboxOf(p),
        history: history.map((r) => ({
          id: r.id, at: new Date(r.at).toISOString(), actor: r.actor, action: r.action, entity: r.entity,
          entityId: r.entity_id, before: r.before, after: r.after,
        })),
      };
    },

    /**
     * Apply an officer's edit inside the caller's transaction (db): first take the next parcel version (the
     * optimistic lock), then the change. A refusal leaves the caller to roll back.
     */
    async applyEdit(db: pg.PoolClient, id: number, e: ParcelEditParsed): Promise<EditResult> {
      const { rows: [v] } = await db.query<{ version: number }>(sql['bump-version'], [id, e.version]);
      if (!v) return { ok: false, reason: 'version_conflict' };
      const { n } = await queryOne<{ n: number }>(db, sql['count-certificates'], [id]);
      if (e.action === 'issue') {
        if (n > 0) return { ok: false, reason: 'already_issued' };
        const { rows: [holder] } = await db.query<{ party_id: number }>(sql['right-holder'], [id]);
        if (!holder) return { ok: false, reason: 'no_right_holder' };
        if ((await queryOne<{ taken: boolean }>(db, sql['serial-exists'], [e.serial])).taken) return { ok: false, reason: 'serial_taken' };
        await db.query(sql['insert-certificate'], [id, holder.party_id, e.serial, e.issueDate, e.digitised]);
        await db.query(sql['resolve-backlog'], [id, e.issueDate, e.note ?? null]);
      } else if (e.action === 'backlog') {
        if (n > 0) return { ok: false, reason: 'already_issued' };
        const { rows: [holder] } = await db.query(sql['right-holder'], [id]);
        if (!holder) return { ok: false, reason: 'no_right_holder' };
        await db.query(sql['upsert-backlog'], [id, e.reason, e.note ?? null]);
      } else if (e.action === 'rightHolder') {
        // After the first certificate a new land user is a transfer (đăng ký biến động), a procedure of its own.
        if (n > 0) return { ok: false, reason: 'already_issued' };
        await setRightHolder(db, id, e);
      } else {
        if (n === 0) return { ok: false, reason: 'no_certificate' };
        await db.query(sql['set-digitised'], [id, e.digitised]);
      }
      return { ok: true, version: v.version };
    },

    /** Monthly progress rows from first to last (first days of months, 'YYYY-MM-DD'). */
    async progressMonths(first: string, last: string) {
      const { rows } = await pool.query(sql['progress-months'], [first, last]);
      return rows.map((r) => ({ month: r.month as string, issued: r.issued as number, resolved: r.resolved as number, openAtEnd: r.open_at_end as number | null }));
    },
    /** Progress figures computed from the records. */
    async progressSummary(baseline: string) {
      const r = await queryOne<Row>(pool, sql['progress-summary'], [baseline]);
      return {
        baselineOpen: r.baseline_open as number, openNow: r.open_now as number, certTotal: r.cert_total as number,
        certDigitised: r.cert_digitised as number, parcelsIssued: r.parcels_issued as number,
        targetPct: r.target_pct as number | null, today: r.today as string,
      };
    },
  };
}

type RightHolderParsed = Extract<ParcelEditParsed, { action: 'rightHolder' }>;

/**
 * Give the parcel one ownership/use right, held in full by the party of this kind and CCCD/CMND (its name and
 * address corrected when they differ) or by a new party. Only ownership/use rights are replaced: see
 * delete-ownership-rights.sql. Runs in the caller's transaction, so the audit records the actor.
 */
async function setRightHolder(db: pg.PoolClient, parcelId: number, e: RightHolderParsed): Promise<number> {
  const idNumber = e.idNumber ?? null;
  const { rows: [known] } = idNumber ? await db.query<{ id: number }>(sql['find-party'], [e.kind, idNumber]) : { rows: [] };
  let partyId: number;
  if (known) {
    partyId = Number(known.id);
    await db.query(sql['update-party'], [partyId, e.name, e.address ?? null]);
  } else {
    partyId = Number((await queryOne<{ id: string }>(db, sql['insert-party'], [e.kind, e.name, idNumber, e.address ?? null])).id);
  }
  await db.query(sql['delete-ownership-rights'], [parcelId]);
  await db.query(sql['insert-right'], [parcelId, partyId, e.note ?? null]);
  return partyId;
}

/** A parsed edit (zod output: serial normalised, defaults filled). */
export type ParcelEditParsed = z.infer<typeof ParcelEdit>;
