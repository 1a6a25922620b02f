/** Header links to the account and audit screens (shown only to roles that may use them) and the overlay that holds them. */
import { useI18n } from '../../i18n/use-i18n';
import { useAuth } from '../auth/use-auth';
import { AuditBrowser } from './audit-browser';
import { UsersScreen } from './users-screen';
import { DashboardScreen } from '../dashboard/dashboard-screen';

export type Screen = 'map' | 'dashboard' | 'users' | 'audit';

function useAllowedScreens(): Screen[] {
  const { hasRole } = useAuth();
  // the dashboard holds aggregates only: everyone may open it (issue 6)
  return ['map', 'dashboard', ...(hasRole('admin') ? ['users' as const] : []), ...(hasRole('admin', 'lanh_dao') ? ['audit' as const] : [])];
}

export function ScreenNav({ screen, onScreen }: { screen: Screen; onScreen: (s: Screen) => void }) {
  const { t } = useI18n();
  const allowed = useAllowedScreens();
  if (allowed.length === 1) return null;
  return (
    <nav className="screen-nav">
      {allowed.map((s) => (
        <button key={s} type="button" className="header-button" aria-pressed={screen === s} data-testid={`nav-${s}`} onClick={() => onScreen(s)}>
          {t(`nav.${s}`)}
        </button>
      ))}
    </nav>
  );
}

/** The chosen screen over the map (the map stays mounted underneath, keeping its view). */
export function ScreenOverlay({ screen, onClose }: { screen: Screen; onClose: () => void }) {
  const { t } = useI18n();
  const allowed = useAllowedScreens();
  if (screen === 'map' || !allowed.includes(screen)) return null;
  return (
    <div className="screen-overlay">
      <button type="button" className="icon-button overlay-close" aria-label={t('details.close')} onClick={onClose}>×</button>
      {screen === 'dashboard' ? <DashboardScreen /> : screen === 'users' ? <UsersScreen /> : <AuditBrowser />}
    </div>
  );
}
