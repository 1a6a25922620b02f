/**
 * Who is signed in, for the whole app. The server enforces every rule; the client only hides what the user
 * could not use anyway.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Me, Role } from '../../../server/api/contract';
import { fetchSession, login, logout } from './auth-api';

export interface Auth {
  /** undefined while the first /api/auth/me is on its way. */
  user: Me | null | undefined;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  hasRole: (...roles: Role[]) => boolean;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<Me | null | undefined>(undefined);
  useEffect(() => {
    const ctl = new AbortController();
    fetchSession(ctl.signal).then((s) => setUser(s.user), () => setUser(null));
    return () => ctl.abort();
  }, []);
  const signIn = useCallback(async (username: string, password: string) => {
    setUser((await login(username, password)).user);
  }, []);
  const signOut = useCallback(async () => {
    await logout().catch(() => undefined); // signed out locally even when the server is unreachable
    setUser(null);
  }, []);
  const value = useMemo<Auth>(() => ({
    user, signIn, signOut,
    hasRole: (...roles) => !!user && user.roles.some((r) => roles.includes(r)),
  }), [user, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth must be used inside <AuthProvider>');
  return ctx;
}
