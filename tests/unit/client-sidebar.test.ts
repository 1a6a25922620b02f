/** Sidebar tabs: the default tab by role, the stored choice winning over it, labels in both languages. */
import { describe, expect, it } from 'vitest';
import type { Me } from '../../server/api/contract';
import { defaultTabFor, initialTab, isSidebarTab, SIDEBAR_TABS, storageKey } from '../../client/features/sidebar/sidebar-tab';
import { vi } from '../../client/i18n/vi';
import { en } from '../../client/i18n/en';

const user = (username: string, roles: Me['roles']): Me => ({ id: 1, username, displayName: username, roles, canSeePersonalData: false });

describe('sidebar tabs', () => {
  it('opens the tab of the job each role does', () => {
    expect(defaultTabFor(['lanh_dao'])).toBe('layers');
    expect(defaultTabFor(['dia_chinh'])).toBe('cadastre');
    expect(defaultTabFor(['gpmb'])).toBe('clearance');
    expect(defaultTabFor(['quy_hoach'])).toBe('planning');
    expect(defaultTabFor(['admin'])).toBe('layers');
    expect(defaultTabFor([])).toBe('layers');
  });

  it('prefers the stored choice, per account', () => {
    expect(initialTab(user('gpmb', ['gpmb']), 'planning')).toBe('planning');
    expect(initialTab(user('gpmb', ['gpmb']), null)).toBe('clearance');
    expect(initialTab(null, null)).toBe('layers');
    expect(storageKey(user('gpmb', ['gpmb']))).not.toBe(storageKey(null));
  });

  it('rejects a stored value that is not a tab', () => {
    expect(isSidebarTab('cadastre')).toBe(true);
    expect(isSidebarTab('legend')).toBe(false);
    expect(isSidebarTab(null)).toBe(false);
  });

  it('has a label for every tab in Vietnamese and English', () => {
    for (const id of SIDEBAR_TABS) {
      expect(vi[`sidebar.tab.${id}`]).toBeTruthy();
      expect(en[`sidebar.tab.${id}`]).toBeTruthy();
    }
    expect(vi['sidebar.tab.cadastre']).toBe('Địa chính');
    expect(en['sidebar.tab.planning']).toBe('Planning');
  });
});
