/**
 * Which sidebar tab is open: a default by role, the user's own choice remembered in localStorage
 * (per account, so two people sharing a browser each get theirs back), and automatic switches that
 * are not remembered (opening a project shows "Quy hoạch" without overriding the stored choice).
 */
import { useCallback, useEffect, useState } from 'react';
import type { Me, Role } from '../../../server/api/contract';

export const SIDEBAR_TABS = ['layers', 'cadastre', 'clearance', 'planning'] as const;
export type SidebarTab = (typeof SIDEBAR_TABS)[number];

/** The tab each role starts on; a user with several roles gets the first in this order. */
const ROLE_TABS: [Role, SidebarTab][] = [
  ['lanh_dao', 'layers'],
  ['dia_chinh', 'cadastre'],
  ['gpmb', 'clearance'],
  ['quy_hoach', 'planning'],
];

/** Default tab for a user's roles (signed out or no land-office role: the layers). */
export function defaultTabFor(roles: readonly Role[]): SidebarTab {
  return ROLE_TABS.find(([role]) => roles.includes(role))?.[1] ?? 'layers';
}

export function isSidebarTab(value: unknown): value is SidebarTab {
  return typeof value === 'string' && (SIDEBAR_TABS as readonly string[]).includes(value);
}

/** localStorage key of an account's choice ('public' when signed out). */
export function storageKey(user: Me | null | undefined): string {
  return `landmap.sidebarTab.${user ? user.username : 'public'}`;
}

function readStored(key: string): SidebarTab | null {
  try {
    const v = window.localStorage.getItem(key);
    return isSidebarTab(v) ? v : null;
  } catch {
    return null; // storage blocked (private mode): fall back to the role default
  }
}

/** The tab a user should see on arrival: their stored choice, else the role default. */
export function initialTab(user: Me | null | undefined, stored: SidebarTab | null): SidebarTab {
  return stored ?? defaultTabFor(user?.roles ?? []);
}

export interface SidebarTabState {
  tab: SidebarTab;
  /** The user clicked/keyed a tab: show it and remember it. */
  choose: (tab: SidebarTab) => void;
  /** The app shows a tab because of something else (a project opened): not remembered. */
  show: (tab: SidebarTab) => void;
}

export function useSidebarTab(user: Me | null | undefined): SidebarTabState {
  const key = storageKey(user);
  const [state, setState] = useState(() => ({ key, tab: initialTab(user, readStored(key)) }));
  // signing in or out switches to that account's tab (while the session loads, `user` is undefined)
  useEffect(() => {
    if (user === undefined) return;
    setState((s) => (s.key === key ? s : { key, tab: initialTab(user, readStored(key)) }));
  }, [key, user]);
  const choose = useCallback((tab: SidebarTab) => {
    setState((s) => ({ ...s, tab }));
    try {
      window.localStorage.setItem(key, tab);
    } catch {
      // not remembered, still shown
    }
  }, [key]);
  const show = useCallback((tab: SidebarTab) => setState((s) => ({ ...s, tab })), []);
  return { tab: state.tab, choose, show };
}
