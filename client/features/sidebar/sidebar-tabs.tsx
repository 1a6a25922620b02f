/**
 * The sidebar's tab bar (WAI-ARIA tabs: arrow keys, Home/End, roving tabindex) and its panels.
 * Every panel stays mounted; inactive ones are only `hidden`, because the hidden panels still drive the
 * map (clearance overlay, parcel colouring and filters, the project workspace) and keep their inputs.
 */
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import type { MessageKey } from '../../i18n/vi';
import { SIDEBAR_TABS, type SidebarTab } from './sidebar-tab';

const LABELS: Record<SidebarTab, MessageKey> = {
  layers: 'sidebar.tab.layers',
  cadastre: 'sidebar.tab.cadastre',
  clearance: 'sidebar.tab.clearance',
  planning: 'sidebar.tab.planning',
};

interface SidebarTabsProps {
  tab: SidebarTab;
  onChoose: (tab: SidebarTab) => void;
  panels: Record<SidebarTab, ReactNode>;
}

/** Index of the tab a key moves to, or null for keys the tab list does not handle. */
function nextIndex(key: string, current: number): number | null {
  const n = SIDEBAR_TABS.length;
  if (key === 'ArrowRight' || key === 'ArrowDown') return (current + 1) % n;
  if (key === 'ArrowLeft' || key === 'ArrowUp') return (current - 1 + n) % n;
  if (key === 'Home') return 0;
  if (key === 'End') return n - 1;
  return null;
}

export function SidebarTabs({ tab, onChoose, panels }: SidebarTabsProps) {
  const { t } = useI18n();
  const buttons = useRef<Partial<Record<SidebarTab, HTMLButtonElement | null>>>({});
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next = nextIndex(e.key, SIDEBAR_TABS.indexOf(tab));
    if (next === null) return;
    e.preventDefault();
    const id = SIDEBAR_TABS[next];
    onChoose(id);
    buttons.current[id]?.focus();
  };
  return (
    <>
      <div className="sidebar-tabs" role="tablist" aria-label={t('sidebar.tabsLabel')} onKeyDown={onKeyDown}>
        {SIDEBAR_TABS.map((id) => (
          <button key={id} type="button" role="tab" id={`sidebar-tab-${id}`} data-testid={`sidebar-tab-${id}`}
            aria-selected={tab === id} aria-controls={`sidebar-panel-${id}`} tabIndex={tab === id ? 0 : -1}
            ref={(el) => { buttons.current[id] = el; }} onClick={() => onChoose(id)}>
            {t(LABELS[id])}
          </button>
        ))}
      </div>
      {SIDEBAR_TABS.map((id) => (
        <div key={id} className="sidebar-tabpanel" role="tabpanel" id={`sidebar-panel-${id}`} data-testid={`sidebar-panel-${id}`}
          aria-labelledby={`sidebar-tab-${id}`} hidden={tab !== id} tabIndex={0}>
          {panels[id]}
        </div>
      ))}
    </>
  );
}
