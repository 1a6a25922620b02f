/** Entry point: MapLibre's worker URL (bundled by Vite), global CSS, and the React root. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import '@fontsource/noto-sans/vietnamese-400.css';
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/vietnamese-600.css';
import '@fontsource/noto-sans/latin-600.css';
import './styles.css';
import { App } from './app';
import { I18nProvider } from './i18n/use-i18n';

// MapLibre 6 loads its worker as an ES module from a URL; Vite copies the file and gives us that URL.
maplibregl.setWorkerUrl(workerUrl);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
);
