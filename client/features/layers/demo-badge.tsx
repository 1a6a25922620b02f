/** The "Dữ liệu minh họa" / "Demo data" badge shown on every demo layer and feature. */
import { useI18n } from '../../i18n/use-i18n';

export function DemoBadge() {
  const { t } = useI18n();
  return (
    <span className="badge badge-demo" data-testid="demo-badge" title={t('badge.demoTitle')}>
      {t('badge.demo')}
    </span>
  );
}
