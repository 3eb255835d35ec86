// When the dashboard tells the API that the agent is typing: `true` at most once per
// THROTTLE_MS while keys are pressed, `false` after IDLE_MS without a key or on send.

export const TYPING_THROTTLE_MS = 3_000;
export const TYPING_IDLE_MS = 5_000;

export interface TypingSignal {
  /** The agent pressed a key that changed the text. */
  typed: () => void;
  /** The agent sent, cleared the text, or left the chat. */
  stopped: () => void;
}

export interface TypingClock {
  now: () => number;
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

const realClock: TypingClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createTypingSignal(send: (typing: boolean) => void, clock: TypingClock = realClock): TypingSignal {
  let lastTrueAt: number | null = null;
  let idleTimer: unknown = null;

  const stopped = (): void => {
    if (idleTimer !== null) clock.clearTimeout(idleTimer);
    idleTimer = null;
    if (lastTrueAt === null) return;
    lastTrueAt = null;
    send(false);
  };

  const typed = (): void => {
    const now = clock.now();
    if (lastTrueAt === null || now - lastTrueAt >= TYPING_THROTTLE_MS) {
      lastTrueAt = now;
      send(true);
    }
    if (idleTimer !== null) clock.clearTimeout(idleTimer);
    idleTimer = clock.setTimeout(stopped, TYPING_IDLE_MS);
  };

  return { typed, stopped };
}
