import { describe, expect, it } from 'vitest';
import { emptyChatState, newestConfirmedId, newestConfirmedSeq, oldestConfirmedId } from '../src/chat';
import { merge, message, send } from './fixtures';

describe('paging and catch-up cursors', () => {
  it('are null for an empty chat', () => {
    expect(newestConfirmedId(emptyChatState)).toBeNull();
    expect(oldestConfirmedId(emptyChatState)).toBeNull();
  });

  it('ignore pending and failed sends', () => {
    const state = send(merge(emptyChatState, [message('b', 2), message('a', 1)]), 'c-1', 59);
    expect(newestConfirmedId(state)).toBe('b');
    expect(oldestConfirmedId(state)).toBe('a');
  });

  it('are null while only unconfirmed sends exist', () => {
    const state = send(emptyChatState, 'c-1');
    expect(newestConfirmedId(state)).toBeNull();
    expect(oldestConfirmedId(state)).toBeNull();
  });

  it('resume after the greatest seq, whatever the clocks said', () => {
    const state = merge(emptyChatState, [
      message('b', 2, { createdAt: '2026-11-24T14:00:00Z' }),
      message('a', 1, { createdAt: '2026-11-24T14:00:09Z' }),
    ]);
    expect(newestConfirmedId(state)).toBe('b');
    expect(newestConfirmedSeq(state)).toBe(2);
    expect(oldestConfirmedId(state)).toBe('a');
  });

  it('have no seq while only unconfirmed sends exist', () => {
    expect(newestConfirmedSeq(send(emptyChatState, 'c-1'))).toBeNull();
  });
});
