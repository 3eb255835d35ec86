import { useCallback, useState } from 'preact/hooks';
import { revokeToken } from '../graphql/client';
import { clearSession, loadSession, saveSession, type Session } from '../lib/session';
import { Dashboard } from './Dashboard';
import { LoginPage } from './LoginPage';

const SESSION_EXPIRED = 'Your session expired, please log in again';

/** Login gate: the dashboard while this tab has a staff session, the login page otherwise. */
export function App() {
  const [session, setSession] = useState<Session | null>(loadSession);
  const [notice, setNotice] = useState<string | null>(null);

  const login = useCallback((next: Session) => {
    saveSession(next);
    setNotice(null);
    setSession(next);
  }, []);

  const logout = useCallback(async () => {
    // Revoke the token first; the tab forgets it whatever the answer (e.g. offline).
    if (session) await revokeToken(session.token);
    clearSession();
    setSession(null);
  }, [session]);

  const expire = useCallback(() => {
    clearSession();
    setNotice(SESSION_EXPIRED);
    setSession(null);
  }, []);

  if (!session) return <LoginPage notice={notice} onLogin={login} />;
  return <Dashboard key={session.token} session={session} onLogout={logout} onExpired={expire} />;
}
