/** The current end-user token, refreshed through the host's `getToken`. */

export interface TokenSource {
  /** The token to use now (asks `getToken` when there is none yet). */
  current(): Promise<string>;
  /**
   * The server rejected `rejected`: returns a newer token (asking `getToken`
   * at most once for concurrent callers), or null when none can be had.
   */
  refresh(rejected: string): Promise<string | null>;
}

export function createTokenSource(
  initial: string | undefined,
  getToken: (() => Promise<string>) | undefined,
): TokenSource {
  let token = initial ?? null;
  let fetching: Promise<string | null> | null = null;

  function fetchToken(): Promise<string | null> {
    if (!getToken) return Promise.resolve(null);
    fetching ??= getToken()
      .then(
        (fresh) => (token = fresh),
        () => null,
      )
      .finally(() => {
        fetching = null;
      });
    return fetching;
  }

  return {
    async current() {
      if (fetching) await fetching;
      const value = token ?? (await fetchToken());
      if (value === null) throw new Error('SupportChat: getToken() failed');
      return value;
    },
    async refresh(rejected) {
      if (fetching) return fetching;
      if (token !== null && token !== rejected) return token;
      const fresh = await fetchToken();
      return fresh === rejected ? null : fresh;
    },
  };
}
