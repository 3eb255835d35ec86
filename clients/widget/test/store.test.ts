import { describe, expect, it } from 'vitest';
import {
  addPending,
  applyReadReceipts,
  emptyState,
  findUnconfirmed,
  markRead,
  mergeMessages,
  newestConfirmedId,
  seenKey,
  setSendStatus,
  unreadAdminIds,
  unreadCount,
  type ChatState,
} from '../src/store';
import type { Message } from '../src/types';

function message(id: string, minute: number, overrides: Partial<Message> = {}): Message {
  return {
    id,
    chatId: 'chat-1',
    content: `message ${id}`,
    senderType: 'ADMIN',
    readAt: null,
    createdAt: `2026-11-24T14:${String(minute).padStart(2, '0')}:00.000Z`,
    clientId: null,
    ...overrides,
  };
}

const merge = (state: ChatState, messages: Message[]) => mergeMessages(state, messages).state;
const ids = (state: ChatState) => state.entries.map((e) => e.id);

describe('ordering and dedupe', () => {
  it('orders by createdAt, then by id for equal times', () => {
    const state = merge(emptyState, [message('c', 3), message('b', 1), message('a', 1)]);
    expect(ids(state)).toEqual(['a', 'b', 'c']);
  });

  it('compares instants, not strings', () => {
    const state = merge(emptyState, [
      message('later', 0, { createdAt: '2026-11-24T14:00:01Z' }),
      message('earlier', 0, { createdAt: '2026-11-24T14:00:00.500Z' }),
    ]);
    expect(ids(state)).toEqual(['earlier', 'later']);
  });

  it('keeps one entry per id, within a batch and across merges', () => {
    let state = merge(emptyState, [message('a', 1), message('a', 1)]);
    state = merge(state, [message('a', 1), message('b', 2)]);
    expect(ids(state)).toEqual(['a', 'b']);
  });

  it('reports only messages that are new as added', () => {
    const state = merge(emptyState, [message('a', 1)]);
    const { added } = mergeMessages(state, [message('a', 1), message('b', 2)]);
    expect(added.map((e) => e.id)).toEqual(['b']);
  });

  it('returns the same state for an empty batch', () => {
    const state = merge(emptyState, [message('a', 1)]);
    expect(mergeMessages(state, []).state).toBe(state);
  });

  it('never loses a read receipt to a stale snapshot', () => {
    let state = merge(emptyState, [message('a', 1, { readAt: '2026-11-24T15:00:00.000Z' })]);
    state = merge(state, [message('a', 1, { readAt: null })]);
    expect(state.entries[0]?.readAt).toBe('2026-11-24T15:00:00.000Z');
  });
});

describe('catch-up after reconnect', () => {
  it('merges a replayed batch that overlaps what is shown', () => {
    let state = merge(emptyState, [message('a', 1), message('b', 2), message('c', 3)]);
    const replay = [message('b', 2), message('c', 3), message('d', 4), message('e', 5)];
    const result = mergeMessages(state, replay);
    state = result.state;
    expect(ids(state)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(result.added.map((e) => e.id)).toEqual(['d', 'e']);
  });

  it('resumes after the newest confirmed message, ignoring pending sends', () => {
    expect(newestConfirmedId(emptyState)).toBeNull();
    let state = merge(emptyState, [message('b', 2), message('a', 1)]);
    state = addPending(state, { clientId: 'c-1', content: 'hi', createdAt: '2026-11-24T14:59:00.000Z' });
    expect(newestConfirmedId(state)).toBe('b');
  });

  it('resumes after nothing while only pending sends exist', () => {
    const state = addPending(emptyState, { clientId: 'c-1', content: 'hi', createdAt: '2026-11-24T14:00:00.000Z' });
    expect(newestConfirmedId(state)).toBeNull();
  });
});

describe('optimistic sends', () => {
  const pending = addPending(merge(emptyState, [message('a', 1)]), {
    clientId: 'c-1',
    content: 'hello',
    createdAt: '2026-11-24T14:02:00.000Z',
  });
  const own = message('m-1', 2, { senderType: 'USER', content: 'hello', clientId: 'c-1' });

  it('shows the send at once as pending, after confirmed messages', () => {
    expect(pending.entries.map((e) => [e.key, e.status])).toEqual([
      ['a', 'sent'],
      ['c-1', 'pending'],
    ]);
  });

  it('keeps unconfirmed sends in send order, after every confirmed message', () => {
    let state = addPending(pending, { clientId: 'c-2', content: 'again', createdAt: '2026-11-24T14:00:00.000Z' });
    state = merge(state, [message('b', 9)]);
    expect(state.entries.map((e) => e.key)).toEqual(['a', 'b', 'c-1', 'c-2']);
  });

  it('is confirmed by the mutation result (matched by clientId)', () => {
    const state = merge(pending, [own]);
    expect(state.entries).toHaveLength(2);
    expect(state.entries[1]).toMatchObject({ key: 'c-1', id: 'm-1', status: 'sent' });
  });

  it('is confirmed by the subscription first, then the mutation result dedupes', () => {
    let state = merge(pending, [own]); // messageAdded
    const { state: next, added } = mergeMessages(state, [own]); // sendMessage answer
    state = next;
    expect(added).toEqual([]);
    expect(state.entries.map((e) => [e.key, e.id, e.status])).toEqual([
      ['a', 'a', 'sent'],
      ['c-1', 'm-1', 'sent'],
    ]);
  });

  it('is not counted as added when confirmed', () => {
    expect(mergeMessages(pending, [own]).added).toEqual([]);
  });

  it('fails, and a retry keeps the same clientId', () => {
    const failed = setSendStatus(pending, 'c-1', 'failed');
    expect(findUnconfirmed(failed, 'c-1')).toMatchObject({ status: 'failed', clientId: 'c-1', content: 'hello' });
    const retried = setSendStatus(failed, 'c-1', 'pending');
    expect(findUnconfirmed(retried, 'c-1')).toMatchObject({ status: 'pending', clientId: 'c-1', key: 'c-1' });
    expect(merge(retried, [own]).entries.filter((e) => e.clientId === 'c-1')).toHaveLength(1);
  });

  it('does not mark a send failed once the subscription confirmed it', () => {
    const confirmed = merge(pending, [own]);
    expect(setSendStatus(confirmed, 'c-1', 'failed')).toBe(confirmed);
    expect(findUnconfirmed(confirmed, 'c-1')).toBeUndefined();
  });
});

describe('unread badge and read receipts', () => {
  const state = merge(emptyState, [
    message('a', 1, { readAt: '2026-11-24T14:01:30.000Z' }),
    message('b', 2),
    message('c', 3),
    message('u', 4, { senderType: 'USER', clientId: 'c-u' }),
  ]);

  it('counts support messages with no readAt, not the user’s own', () => {
    expect(unreadCount(state)).toBe(2);
    expect(unreadAdminIds(state)).toEqual(['b', 'c']);
  });

  it('clears the marked messages only', () => {
    const next = markRead(state, ['b'], '2026-11-24T15:00:00.000Z');
    expect(unreadAdminIds(next)).toEqual(['c']);
    expect(markRead(next, ['c'], '2026-11-24T15:00:00.000Z').entries.every((e) => e.senderType === 'USER' || e.readAt)).toBe(true);
  });

  it('shows "Seen" under the last user message once it has readAt', () => {
    expect(seenKey(state)).toBeNull();
    const read = applyReadReceipts(state, [message('u', 4, { senderType: 'USER', readAt: '2026-11-24T15:00:00.000Z' })]);
    expect(seenKey(read)).toBe('u');
  });

  it('shows no "Seen" while the newest user message is pending', () => {
    const read = merge(state, [message('u', 4, { senderType: 'USER', readAt: '2026-11-24T15:00:00.000Z' })]);
    expect(seenKey(addPending(read, { clientId: 'c-2', content: 'x', createdAt: '2026-11-24T15:01:00.000Z' }))).toBeNull();
  });

  it('ignores receipts for unknown messages', () => {
    expect(applyReadReceipts(state, [message('zzz', 9, { readAt: '2026-11-24T15:00:00.000Z' })])).toBe(state);
  });
});
