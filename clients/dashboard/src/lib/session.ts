// The staff session of this browser tab, kept in sessionStorage (one login per tab).
import type { Viewer } from '../graphql/types';

export interface Session {
  token: string;
  viewer: Viewer;
}

const KEY = 'support-chat.dashboard.session';

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const { token, viewer } = value as Partial<Session>;
  return typeof token === 'string' && typeof viewer === 'object' && viewer !== null;
}

export function loadSession(): Session | null {
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
    return isSession(stored) ? stored : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}
