import { describe, expect, it } from 'vitest';
import { applyReadReceipts, emptyChatState, mergeMessages } from '../src/chat';
import { ids, merge, message } from './fixtures';

const READ = '2026-11-24T15:00:00.000Z';

describe('mergeMessages', () => {
  it('keeps one entry per id, within a batch and across merges, all sent', () => {
    let state = merge(emptyChatState, [message('a', 1), message('a', 1)]);
    state = merge(state, [message('a', 1), message('b', 2), message('b', 2)]);
    expect(ids(state)).toEqual(['a', 'b']);
    expect(state.entries.every((entry) => entry.status === 'sent')).toBe(true);
  });

  it('updates a known message in place', () => {
    const state = merge(merge(emptyChatState, [message('a', 1)]), [message('a', 1, { content: 'edited' })]);
    expect(state.entries).toHaveLength(1);
    expect(state.entries[0]).toMatchObject({ key: 'a', id: 'a', content: 'edited' });
  });

  it('reports only messages that are new as added', () => {
    const state = merge(emptyChatState, [message('a', 1)]);
    const { added } = mergeMessages(state, [message('a', 1), message('b', 2)]);
    expect(added.map((entry) => entry.id)).toEqual(['b']);
  });

  it('returns the same state for an empty batch', () => {
    const state = merge(emptyChatState, [message('a', 1)]);
    expect(mergeMessages(state, []).state).toBe(state);
  });

  it('does not change the state it was given', () => {
    const state = merge(emptyChatState, [message('b', 2)]);
    const entries = state.entries;
    merge(state, [message('a', 1)]);
    expect(state.entries).toBe(entries);
    expect(ids(state)).toEqual(['b']);
  });

  it('prepends an older page', () => {
    const state = merge(emptyChatState, [message('c', 3), message('d', 4)]);
    expect(ids(merge(state, [message('a', 1), message('b', 2)]))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('merges a replayed batch that overlaps what is shown (catch-up after reconnect)', () => {
    const state = merge(emptyChatState, [message('a', 1), message('b', 2), message('c', 3)]);
    const result = mergeMessages(state, [message('b', 2), message('c', 3), message('d', 4), message('e', 5)]);
    expect(ids(result.state)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(result.added.map((entry) => entry.id)).toEqual(['d', 'e']);
  });

  it('never loses a read receipt to a stale snapshot', () => {
    const read = merge(emptyChatState, [message('a', 1, { senderType: 'ADMIN', readAt: READ })]);
    expect(merge(read, [message('a', 1, { senderType: 'ADMIN', readAt: null })]).entries[0]?.readAt).toBe(READ);
  });
});

describe('applyReadReceipts', () => {
  const state = merge(emptyChatState, [message('a', 1), message('b', 2)]);

  it('sets readAt on the listed messages only', () => {
    const read = applyReadReceipts(state, [{ id: 'a', readAt: READ }]);
    expect(read.entries.map((entry) => entry.readAt)).toEqual([READ, null]);
  });

  it('takes the server’s readAt over a known one', () => {
    const read = applyReadReceipts(state, [{ id: 'a', readAt: READ }]);
    const later = '2026-11-24T15:05:00.000Z';
    expect(applyReadReceipts(read, [{ id: 'a', readAt: later }]).entries[0]?.readAt).toBe(later);
  });

  it('never clears a known readAt', () => {
    const read = applyReadReceipts(state, [{ id: 'a', readAt: READ }]);
    expect(applyReadReceipts(read, [{ id: 'a', readAt: null }])).toBe(read);
  });

  it('returns the same state for receipts of unknown messages or nothing new', () => {
    expect(applyReadReceipts(state, [{ id: 'zzz', readAt: READ }])).toBe(state);
    const read = applyReadReceipts(state, [{ id: 'a', readAt: READ }]);
    expect(applyReadReceipts(read, [{ id: 'a', readAt: READ }])).toBe(read);
  });
});
