// Who is signed in. The session lives in an HttpOnly cookie; the CSRF token comes with sign-in or /auth/me.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { ApiFailure, get, post, setCsrf, SIGNED_OUT } from './api';

export interface User { id: string; username: string; displayName: string; role: 'deputy' | 'unit' | 'secretariat' | 'committee' | 'admin'; deputyId?: string | null; unitId?: string | null; committeeId?: string | null; congressId: string }
interface AuthState { user: User | null | undefined; signIn(username: string, password: string): Promise<User>; signOut(): Promise<void> }

const AuthContext = createContext<AuthState>(null as never);
export const useAuth = () => useContext(AuthContext);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  useEffect(() => {
    get('/auth/me').then((r) => { setCsrf(r.csrfToken); setUser(r.user); }, (e) => { if (e instanceof ApiFailure) setUser(null); else setUser(null); });
    const out = () => { setCsrf(null); setUser(null); };
    window.addEventListener(SIGNED_OUT, out);
    return () => window.removeEventListener(SIGNED_OUT, out);
  }, []);
  const signIn = useCallback(async (username: string, password: string) => {
    const r = await post('/auth/sign-in', { username, password });
    setCsrf(r.csrfToken);
    setUser(r.user);
    return r.user as User;
  }, []);
  const signOut = useCallback(async () => {
    await post('/auth/sign-out').catch(() => undefined);
    setCsrf(null);
    setUser(null);
  }, []);
  return <AuthContext.Provider value={{ user, signIn, signOut }}>{children}</AuthContext.Provider>;
}
