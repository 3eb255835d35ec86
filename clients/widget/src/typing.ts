/**
 * Typing, both ways; nothing about it is stored.
 *
 * `createTypingSender`: the user's typing, told to support at most once per
 * REFRESH_MS while they type, and `false` after IDLE_MS without a keystroke or
 * when they send. `createTypingWatch`: support's typing as the widget shows it;
 * each typist stays until `typing: false`, a support message, or SHOW_MS
 * without a refresh.
 */

export const REFRESH_MS = 2000;
export const IDLE_MS = 5000;
export const SHOW_MS = 8000;

export interface TypingSender {
  /** A keystroke in the composer. */
  typed(): void;
  /** The user sent, cleared the input or left: typing stops now. */
  stop(): void;
}

export function createTypingSender(tell: (typing: boolean) => void): TypingSender {
  let lastTold: number | null = null; // when `true` was last told; null: not typing
  let idle: ReturnType<typeof setTimeout> | undefined;

  function stop(): void {
    clearTimeout(idle);
    if (lastTold === null) return;
    lastTold = null;
    tell(false);
  }

  return {
    typed() {
      const now = Date.now();
      if (lastTold === null || now - lastTold >= REFRESH_MS) {
        lastTold = now;
        tell(true);
      }
      clearTimeout(idle);
      idle = setTimeout(stop, IDLE_MS);
    },
    stop,
  };
}

export interface TypingEvent {
  name: string | null;
  typing: boolean;
}

export interface TypingWatch {
  event(event: TypingEvent): void;
  /** Nobody types any more: a support message arrived (the widget's messages carry no sender name). */
  clear(): void;
}

/** Calls `onChange` with the names typing now (null: unnamed), whenever that list changes. */
export function createTypingWatch(onChange: (names: readonly (string | null)[]) => void): TypingWatch {
  const expiries = new Map<string | null, ReturnType<typeof setTimeout>>();

  function changed(): void {
    onChange([...expiries.keys()]);
  }

  function forget(name: string | null): boolean {
    if (!expiries.has(name)) return false;
    clearTimeout(expiries.get(name));
    expiries.delete(name);
    return true;
  }

  return {
    event({ name, typing }) {
      const known = forget(name);
      if (typing) {
        expiries.set(name, setTimeout(() => forget(name) && changed(), SHOW_MS));
      }
      if (known !== typing) changed();
    },
    clear() {
      if ([...expiries.keys()].map(forget).some(Boolean)) changed();
    },
  };
}
