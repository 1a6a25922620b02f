/** The app shell: header (title, language switch), sidebar (layers, legend, notes), map, details panel. */
import { useCallback, useEffect, useState } from 'react';
import type { LayerId, LayerInfo } from '../server/api/contract';
import type { ApiError } from './api/client';
import { ScreenNav, ScreenOverlay, type Screen } from './features/admin/admin-screens';
import { AccountMenu } from './features/auth/account-menu';
import { AuthProvider } from './features/auth/use-auth';
import { FeaturePanel } from './features/details/feature-panel';
import { LayerPanel } from './features/layers/layer-panel';
import { Legend } from './features/layers/legend';
import { useLayerList } from './features/layers/use-layer-list';
import { useI18n, type I18n } from './i18n/use-i18n';
import { MapView, type PickedFeature } from './map/map-view';

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

function Workspace({ layers, basemapStyleUrl }: { layers: LayerInfo[]; basemapStyleUrl: string | null }) {
  const { t } = useI18n();
  const [visibility, setVisibility] = useState<Partial<Record<LayerId, boolean>>>(() =>
    Object.fromEntries(layers.map((l) => [l.id, l.visible])),
  );
  const [picks, setPicks] = useState<PickedFeature[]>([]);
  const [index, setIndex] = useState(0);
  const [mapErrors, setMapErrors] = useState<string[]>([]);

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
        <LayerPanel layers={layers} visibility={visibility} onToggle={onToggle} />
        <Legend layers={layers} visibility={visibility} />
        <p className="note-approximate" data-testid="boundary-note">{t('note.approximate')}</p>
      </aside>
      <div className="map-area">
        <MapView layers={layers} basemapStyleUrl={basemapStyleUrl} visibility={visibility} selected={picks[index] ?? null} onPick={onPick} onError={onError} />
        {mapErrors.length > 0 && (
          <div className="map-errors" role="alert" data-testid="map-error">
            {mapErrors.map((m) => <p key={m}>{t('error.map', { message: m })}</p>)}
            <button type="button" className="icon-button" onClick={() => setMapErrors([])} aria-label={t('error.dismiss')}>×</button>
          </div>
        )}
        {picks.length === 0 && <div className="map-hint">{t('details.hint')}</div>}
        <FeaturePanel picks={picks} index={index} layers={layers} onSelect={setIndex} onClose={() => setPicks([])} />
      </div>
    </main>
  );
}
