/** The app shell: header (title, language switch), sidebar (layers, legend, notes), map, details panel. */
import { useCallback, useEffect, useState } from 'react';
import type { LayerId, LayerInfo } from '../server/api/contract';
import type { ApiError } from './api/client';
import { ScreenNav, ScreenOverlay, type Screen } from './features/admin/admin-screens';
import { AccountMenu } from './features/auth/account-menu';
import { AuthProvider } from './features/auth/use-auth';
import { FeaturePanel } from './features/details/feature-panel';
import { LayerPanel } from './features/layers/layer-panel';
import { ExportEntry, useExportDialog } from './features/export/use-export-dialog';
import { Legend } from './features/layers/legend';
import { useLayerList } from './features/layers/use-layer-list';
import { useI18n, type I18n } from './i18n/use-i18n';
import { MapView, type PickedFeature } from './map/map-view';
import { ClearancePanel } from './features/clearance/clearance-panel';
import { MapPrintSheet } from './features/clearance/map-print-sheet';
import { useClearanceMap } from './features/clearance/use-clearance-map';
import { BacklogDrawer } from './features/certificates/backlog-drawer';
import { fetchParcel } from './features/certificates/certificates-api';
import { CertificatesPanel } from './features/certificates/certificates-panel';
import { ParcelPanel } from './features/certificates/parcel-panel';
import { FootprintEditor } from './features/projects/footprint-editor';
import { ProjectListPanel } from './features/projects/project-list';
import { ProjectPanel } from './features/projects/project-panel';
import { useProjectWorkspace } from './features/projects/use-project-workspace';
import { useCertificates } from './features/certificates/use-certificates';
import { ImportDialog, ImportEntry } from './features/imports/import-dialog';
import { useImportWorkspace } from './features/imports/use-import-workspace';
import { useAuth } from './features/auth/use-auth';
import { useSidebarTab } from './features/sidebar/sidebar-tab';
import { SidebarTabs } from './features/sidebar/sidebar-tabs';

export function App() {
  return (
    <AuthProvider>
      <Shell />
    </AuthProvider>
  );
}

function Shell() {
  const { state, retry } = useLayerList();
  const { t } = useI18n();
  const [screen, setScreen] = useState<Screen>('map');
  return (
    <div className="app">
      <Header screen={screen} onScreen={setScreen} />
      {state.status === 'loading' && <div className="state-message" role="status">{t('state.loading')}</div>}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={retry} />}
      {state.status === 'ready' && <Workspace layers={state.layers} basemapStyleUrl={state.basemapStyleUrl} />}
      <ScreenOverlay screen={screen} onClose={() => setScreen('map')} />
    </div>
  );
}

function Header({ screen, onScreen }: { screen: Screen; onScreen: (s: Screen) => void }) {
  const { t, lang, setLang } = useI18n();
  return (
    <header className="app-header">
      <div className="app-title">
        <h1>{t('app.title')}</h1>
        <span className="app-subtitle">{t('app.subtitle')}</span>
      </div>
      <ScreenNav screen={screen} onScreen={onScreen} />
      <AccountMenu />
      <button
        type="button"
        className="lang-switch"
        data-testid="lang-switch"
        lang={lang === 'vi' ? 'en' : 'vi'}
        title={t('lang.switchTitle')}
        onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}
      >
        {t('lang.switch')}
      </button>
    </header>
  );
}

function errorText(error: ApiError, t: I18n['t']): string {
  return error.code === 'network' ? t('error.network') : t('error.server', { message: error.message });
}

function ErrorState({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <div className="state-message state-error" role="alert" data-testid="app-error">
      <h2>{t('error.title')}</h2>
      <p>{errorText(error, t)}</p>
      <button type="button" onClick={onRetry}>{t('error.retry')}</button>
    </div>
  );
}

/** While a footprint is being drawn, map clicks place vertices and select nothing. */
const ignorePick = () => undefined;

function Workspace({ layers, basemapStyleUrl }: { layers: LayerInfo[]; basemapStyleUrl: string | null }) {
  const { t } = useI18n();
  const [visibility, setVisibility] = useState<Partial<Record<LayerId, boolean>>>(() =>
    Object.fromEntries(layers.map((l) => [l.id, l.visible])),
  );
  const [picks, setPicks] = useState<PickedFeature[]>([]);
  const [index, setIndex] = useState(0);
  const [mapErrors, setMapErrors] = useState<string[]>([]);
  const [zoom, setZoom] = useState<number | null>(null); // the map's, for the layer panel's zoom-in hint
  const exporter = useExportDialog(); // layer/selection export (issue 8)
  const clearance = useClearanceMap(); // GPMB overlay and map printing (issue 6)
  // certificate workflow: filters, colouring mode and counts shared by the map, the sidebar and the list
  const cert = useCertificates();
  const [focus, setFocus] = useState<{ bbox: [number, number, number, number] } | null>(null);
  const [showList, setShowList] = useState(false);
  const openParcel = useCallback((id: number, bbox?: [number, number, number, number]) => {
    setPicks([{ layerId: 'parcels', id, properties: { id } }]);
    setIndex(0);
    if (bbox) setFocus({ bbox });
    else fetchParcel(id).then((d) => setFocus({ bbox: d.bbox }), () => undefined); // the panel shows the error
  }, []);
  const selectedParcel = picks[index]?.layerId === 'parcels' ? Number(picks[index].id) : null;
  // land-use-plan projects (issue 5): list, project panel, footprint editor; a project picked on the map opens
  const clearPicks = useCallback(() => setPicks([]), []);
  const projects = useProjectWorkspace(clearPicks, setFocus);
  // import (issue 8): after a commit the imported layer reloads on the map and in the lists
  const { refresh: refreshParcels } = cert;
  const { refresh: refreshProjects } = projects;
  const onImported = useCallback((l: string) => (l === 'parcels' ? refreshParcels() : refreshProjects()), [refreshParcels, refreshProjects]);
  const imports = useImportWorkspace(onImported, clearPicks);
  const { openById: openProject, deselect: deselectProject } = projects;
  useEffect(() => {
    const p = picks[index];
    if (p?.layerId === 'projects' && p.id !== undefined) openProject(Number(p.id));
    else if (p) deselectProject();
  }, [picks, index, openProject, deselectProject]);
  // sidebar tabs: a role default or the user's remembered choice; opening a project shows its list
  const sidebar = useSidebarTab(useAuth().user);
  const { show: showTab } = sidebar;
  useEffect(() => {
    if (projects.selectedId !== null) showTab('planning');
  }, [projects.selectedId, showTab]);
  // a clearance parcel clicked on the map opens its record in the GPMB tab
  useEffect(() => {
    if (clearance.picked) showTab('clearance');
  }, [clearance.picked, showTab]);

  const onToggle = useCallback((id: LayerId, visible: boolean) => {
    setVisibility((v) => ({ ...v, [id]: visible }));
  }, []);
  const onPick = useCallback((found: PickedFeature[]) => {
    setPicks(found);
    setIndex(0);
  }, []);
  const onError = useCallback((message: string) => {
    setMapErrors((list) => (list.includes(message) ? list : [...list.slice(-2), message]));
  }, []);
  // a hidden layer's feature should not stay selected
  useEffect(() => {
    setPicks((list) => list.filter((p) => visibility[p.layerId]));
    setIndex(0);
  }, [visibility]);

  return (
    <main className="workspace">
      <aside className="sidebar">
        <SidebarTabs tab={sidebar.tab} onChoose={sidebar.choose} panels={{
          layers: <>
            <LayerPanel layers={layers} visibility={visibility} onToggle={onToggle} zoom={zoom} onExport={(id) => exporter.open({ layer: id })} />
            <Legend layers={layers} visibility={visibility} parcelMode={cert.mode} />
          </>,
          cadastre: <CertificatesPanel state={cert} onOpen={(h) => openParcel(h.parcelId, h.bbox)} onShowList={() => setShowList((v) => !v)}
            onExport={() => exporter.open({ layer: 'parcels', scope: 'filter' })} />,
          clearance: <ClearancePanel onOverlay={clearance.setOverlay} onPrintMap={clearance.requestPrint} picked={clearance.picked} />,
          planning: <ProjectListPanel ws={projects} />,
        }} />
        {/* below the tabs: the import entry serves parcels (Địa chính) and projects (Quy hoạch) alike */}
        <ImportEntry ws={imports} />
        <p className="note-approximate" data-testid="boundary-note">{t('note.approximate')}</p>
      </aside>
      <div className="map-area">
        <MapView layers={layers} basemapStyleUrl={basemapStyleUrl} visibility={visibility} selected={picks[index] ?? null} onPick={projects.editor || imports.preview ? ignorePick : onPick} onError={onError}
          parcelView={{ mode: cert.mode, filter: cert.mapFilter, revision: cert.revision }} focus={focus}
          clearance={clearance.overlay} snapshotRequest={clearance.snapshotRequest} onSnapshot={clearance.setSnapshot}
          onClearancePick={clearance.pickRecord}
          draw={projects.draw} projectsRevision={projects.revision} importPreview={imports.preview} onZoom={setZoom}
          onViewBounds={exporter.setViewBbox} />
        {projects.editor && <FootprintEditor ws={projects} target={projects.editor} />}
        {imports.open && <ImportDialog state={imports.state} layers={imports.layers} selectedSeq={imports.selectedSeq} onSelect={imports.select} onClose={imports.close} />}
        {clearance.snapshot && (
          <MapPrintSheet snapshot={clearance.snapshot} layers={layers} visibility={visibility} clearance={clearance.overlay} onClose={clearance.closePrint} />
        )}
        {mapErrors.length > 0 && (
          <div className="map-errors" role="alert" data-testid="map-error">
            {mapErrors.map((m) => <p key={m}>{t('error.map', { message: m })}</p>)}
            <button type="button" className="icon-button" onClick={() => setMapErrors([])} aria-label={t('error.dismiss')}>×</button>
          </div>
        )}
        {picks.length === 0 && <div className="map-hint">{t('details.hint')}</div>}
        {selectedParcel !== null && Number.isFinite(selectedParcel)
          ? <ParcelPanel parcelId={selectedParcel} revision={cert.revision} onClose={() => setPicks([])} onChanged={cert.refresh} />
          : projects.selectedId !== null
            ? <ProjectPanel ws={projects} onExport={() => exporter.open({ layer: 'parcels', scope: 'project' })} />
            : <FeaturePanel picks={picks} index={index} layers={layers} onSelect={setIndex} onClose={() => setPicks([])} />}
        <ExportEntry state={exporter} layers={layers} cert={cert} projects={projects} />
        {showList && <BacklogDrawer state={cert} onOpenParcel={(id) => openParcel(id)} onClose={() => setShowList(false)} />}
      </div>
    </main>
  );
}
