/** Reconnect delays: exponential (1 s, 2 s, 4 s … capped at 30 s) with jitter. */

const BASE_MS = 1000;
const MAX_MS = 30_000;

/**
 * Delay before reconnect attempt number `retries` (0-based). `random` in [0, 1)
 * picks a point in the upper half of the window ("equal jitter"), so clients
 * that lost the server together do not come back together.
 */
export function retryDelay(retries: number, random: number): number {
  const ceiling = Math.min(MAX_MS, BASE_MS * 2 ** retries);
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}
