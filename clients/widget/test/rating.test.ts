import { describe, expect, it } from 'vitest';
import {
  noRating,
  ratingFailed,
  ratingFromStatus,
  ratingSending,
  ratingSent,
  type ChatStatus,
  type RatingState,
} from '../src/rating';

const ACTIVE: ChatStatus = { archived: false, archivedAt: null, rating: null };
const ARCHIVED: ChatStatus = { archived: true, archivedAt: '2026-12-01T10:00:00Z', rating: null };
const ARCHIVED_AGAIN: ChatStatus = { archived: true, archivedAt: '2026-12-01T12:00:00Z', rating: null };

describe('the rating offer', () => {
  it('is hidden while the chat is active', () => {
    expect(ratingFromStatus(noRating, ACTIVE)).toEqual(noRating);
  });

  it('is made once staff archived the chat and it is not rated', () => {
    expect(ratingFromStatus(noRating, ARCHIVED)).toEqual({ phase: 'offered', period: ARCHIVED.archivedAt });
  });

  it('is not made for a period already rated (another tab, an earlier visit)', () => {
    expect(ratingFromStatus(noRating, { ...ARCHIVED, rating: 4 }).phase).toBe('hidden');
    const offered = ratingFromStatus(noRating, ARCHIVED);
    expect(ratingFromStatus(offered, { ...ARCHIVED, rating: 4 }).phase).toBe('hidden');
  });

  it('goes sending → thanks, and the thanks stays for that period', () => {
    let state: RatingState = ratingFromStatus(noRating, ARCHIVED);
    state = ratingSending(state);
    expect(state.phase).toBe('sending');
    expect(ratingFromStatus(state, ARCHIVED)).toBe(state); // a sync meanwhile changes nothing
    state = ratingSent(state);
    expect(state.phase).toBe('thanks');
    expect(ratingFromStatus(state, { ...ARCHIVED, rating: 5 })).toBe(state);
  });

  it('can be sent again after a failure', () => {
    const failed = ratingFailed(ratingSending(ratingFromStatus(noRating, ARCHIVED)));
    expect(failed.phase).toBe('failed');
    expect(ratingSending(failed).phase).toBe('sending');
  });

  it('ends when the chat is active again, and is made afresh when it is archived again', () => {
    const thanks = ratingSent(ratingSending(ratingFromStatus(noRating, ARCHIVED)));
    expect(ratingFromStatus(thanks, ACTIVE)).toEqual(noRating);
    expect(ratingFromStatus(thanks, ARCHIVED_AGAIN)).toEqual({ phase: 'offered', period: ARCHIVED_AGAIN.archivedAt });
  });

  it('ignores steps that do not fit the phase', () => {
    expect(ratingSending(noRating)).toBe(noRating);
    expect(ratingSent(noRating)).toBe(noRating);
    const offered = ratingFromStatus(noRating, ARCHIVED);
    expect(ratingSent(offered)).toBe(offered);
    expect(ratingFailed(offered)).toBe(offered);
  });
});
