/** Where to page and resume from: confirmed messages only, a pending send has no server position. */
import type { ChatState } from './entry';

/** The newest confirmed message's id: `after` when (re)subscribing to catch up. */
export function newestConfirmedId(state: ChatState): string | null {
  for (let i = state.entries.length - 1; i >= 0; i--) {
    const id = state.entries[i]?.id;
    if (id) return id;
  }
  return null;
}

/** The newest confirmed message's seq: `afterSeq` when (re)subscribing to catch up. */
export function newestConfirmedSeq(state: ChatState): number | null {
  for (let i = state.entries.length - 1; i >= 0; i--) {
    const seq = state.entries[i]?.seq;
    if (seq !== null && seq !== undefined) return seq;
  }
  return null;
}

/** The oldest confirmed message's id: `before` of the next older page. */
export function oldestConfirmedId(state: ChatState): string | null {
  return state.entries.find((entry) => entry.id !== null)?.id ?? null;
}
