/**
 * Whether the widget offers a rating. Staff archiving the chat starts a
 * period the user may rate once (`rateChat`); a rating already given, or a
 * new user message (which reactivates the chat: back to `noRating`), ends
 * the offer.
 */

/** What the server says about the chat. */
export interface ChatStatus {
  archived: boolean;
  archivedAt: string | null;
  rating: number | null;
}

export type RatingPhase = 'hidden' | 'offered' | 'sending' | 'failed' | 'thanks';

export interface RatingState {
  readonly phase: RatingPhase;
  /** The archived period (its `archivedAt`) the phase is about. */
  readonly period: string | null;
}

export const noRating: RatingState = { phase: 'hidden', period: null };

export function ratingFromStatus(state: RatingState, status: ChatStatus): RatingState {
  if (!status.archived) return noRating;
  const period = status.archivedAt;
  // A rating under way or given here stays as it is for its period.
  const ownRating = state.phase === 'sending' || state.phase === 'failed' || state.phase === 'thanks';
  if (ownRating && period === state.period) return state;
  return { phase: status.rating === null ? 'offered' : 'hidden', period };
}

export function ratingSending(state: RatingState): RatingState {
  return state.phase === 'offered' || state.phase === 'failed' ? { ...state, phase: 'sending' } : state;
}

export function ratingSent(state: RatingState): RatingState {
  return state.phase === 'sending' ? { ...state, phase: 'thanks' } : state;
}

export function ratingFailed(state: RatingState): RatingState {
  return state.phase === 'sending' ? { ...state, phase: 'failed' } : state;
}
