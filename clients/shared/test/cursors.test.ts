import { describe, expect, it } from 'vitest';
import { emptyChatState, newestConfirmedId, oldestConfirmedId } from '../src/chat';
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

  it('resume after the greater id on a createdAt tie, as the server orders', () => {
    const state = merge(emptyChatState, [message('b', 1), message('a', 1)]);
    expect(newestConfirmedId(state)).toBe('b');
    expect(oldestConfirmedId(state)).toBe('a');
  });
});
