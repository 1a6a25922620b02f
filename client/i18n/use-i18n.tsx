/**
 * A tiny i18n: Vietnamese by default, English on demand, the choice kept in localStorage.
 * `t(key, { n: 3 })` fills `{n}` placeholders.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { config } from '../config';
import { en } from './en';
import { vi, type MessageKey, type Messages } from './vi';

export type Lang = 'vi' | 'en';
export const messages: Record<Lang, Messages> = { vi, en };

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  /** Looks up a dynamic key (e.g. `certStatus.${value}`), `undefined` when there is none. */
  tryT: (key: string) => string | undefined;
}

/** Fills `{name}` placeholders. */
export function format(template: string, vars?: Record<string, string | number>): string {
  return vars ? template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : template;
}

function storedLang(): Lang {
  try {
    return localStorage.getItem(config.langStorageKey) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi'; // storage blocked: default language
  }
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(config.langStorageKey, next);
    } catch {
      // not persisted; the switch still works for this session
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n>(() => {
    const dict = messages[lang];
    return {
      lang,
      setLang,
      t: (key, vars) => format(dict[key] ?? key, vars),
      tryT: (key) => (dict as Record<string, string>)[key],
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n must be used inside <I18nProvider>');
  return ctx;
}
