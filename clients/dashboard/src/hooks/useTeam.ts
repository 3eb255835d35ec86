import { useClient } from '@urql/preact';
import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { STAFF } from '../graphql/operations';
import type { Staff, Viewer } from '../graphql/types';

/** How often the staff list (and who is online) is refreshed. */
const STAFF_REFRESH_MS = 20_000;

/** The staff member using the dashboard and their colleagues, with who is online. */
export interface Team {
  viewer: Viewer;
  /** Every staff member, the viewer included; empty until loaded. */
  staff: readonly Staff[];
  /** Asks for the staff list now (e.g. when the assign picker opens). */
  refresh: () => void;
}

export const TeamContext = createContext<Team | null>(null);

export function useTeam(): Team {
  const team = useContext(TeamContext);
  if (!team) throw new Error('useTeam outside TeamContext');
  return team;
}

/** Loads `staff` every STAFF_REFRESH_MS and whenever the WebSocket (dis)connects. */
export function useTeamState(viewer: Viewer, connects: number): Team {
  const client = useClient();
  const [staff, setStaff] = useState<readonly Staff[]>([]);

  const refresh = useCallback(() => {
    void client
      .query(STAFF, {})
      .toPromise()
      .then(({ data }) => data && setStaff(data.staff));
  }, [client]);

  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, STAFF_REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh, connects]);

  return useMemo(() => ({ viewer, staff, refresh }), [viewer, staff, refresh]);
}

/** "Ann Lee", or the email for a staff member without a name. */
export function staffLabel(staff: { name: string | null; email: string }): string {
  return staff.name ?? staff.email;
}
