/**
 * The land officer's workspace state: filter, styling mode, sort and page of the register, the counts, and a
 * revision that goes up after every edit so the map, the counts and the list reload together (no page reload).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { ParcelStyleMode, RegisterFacets, RegisterFilterInput, RegisterPage, RegisterSort } from '../../../server/api/contract';
import { ApiError } from '../../api/client';
import { parcelFilter } from '../../map/layers/parcel-modes.layers';
import { fetchFacets, fetchRegister } from './certificates-api';

export const PAGE_SIZE = 50;

export interface CertificatesState {
  filter: RegisterFilterInput;
  setFilter: (f: RegisterFilterInput) => void;
  mode: ParcelStyleMode;
  setMode: (m: ParcelStyleMode) => void;
  sort: RegisterSort;
  dir: 'asc' | 'desc';
  setSort: (s: RegisterSort) => void;
  page: number;
  setPage: (p: number) => void;
  data: RegisterPage | null;
  loading: boolean;
  error: string | null;
  facets: RegisterFacets | null;
  /** The same selection as a MapLibre filter on the parcel layer (null = all parcels). */
  mapFilter: FilterSpecification | null;
  /** Goes up after each edit: the map reloads the parcel source, the list and counts refetch. */
  revision: number;
  refresh: () => void;
}

export function useCertificates(): CertificatesState {
  const [filter, setFilterState] = useState<RegisterFilterInput>({});
  const [mode, setMode] = useState<ParcelStyleMode>('status');
  const [sort, setSortKey] = useState<RegisterSort>('key');
  const [dir, setDir] = useState<'asc' | 'desc'>('asc');
  const [page, setPage] = useState(1);
  const [revision, setRevision] = useState(0);
  const [data, setData] = useState<RegisterPage | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [facets, setFacets] = useState<RegisterFacets | null>(null);

  useEffect(() => {
    const ctl = new AbortController();
    fetchFacets(ctl.signal).then(setFacets, () => undefined); // filters still work by unit, status, reason
    return () => ctl.abort();
  }, []);

  useEffect(() => {
    const ctl = new AbortController();
    setLoading(true);
    fetchRegister({ filter, sort, dir, page, pageSize: PAGE_SIZE }, ctl.signal).then(
      (d) => { setData(d); setError(null); setLoading(false); },
      (err) => {
        if (ctl.signal.aborted) return;
        setError(err instanceof ApiError ? err.message : String(err));
        setLoading(false);
      },
    );
    return () => ctl.abort();
  }, [filter, sort, dir, page, revision]);

  const setFilter = useCallback((f: RegisterFilterInput) => { setFilterState(f); setPage(1); }, []);
  const setSort = useCallback((s: RegisterSort) => {
    setSortKey((prev) => {
      setDir((d) => (prev === s ? (d === 'asc' ? 'desc' : 'asc') : 'asc'));
      return s;
    });
    setPage(1);
  }, []);
  const refresh = useCallback(() => setRevision((r) => r + 1), []);
  const groupNames = useMemo(() => Object.fromEntries((facets?.groups ?? []).map((g) => [g.id, g.name])), [facets]);
  const mapFilter = useMemo(() => parcelFilter(filter, groupNames), [filter, groupNames]);

  return { filter, setFilter, mode, setMode, sort, dir, setSort, page, setPage, data, loading, error, facets, mapFilter, revision, refresh };
}
