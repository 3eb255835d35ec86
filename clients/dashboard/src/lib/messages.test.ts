import { describe, expect, it } from 'vitest';
import type { Message } from '../graphql/types';
import {
  addPending,
  applyReadReceipts,
  type ChatMessage,
  markFailed,
  markPending,
  mergeMessages,
  newestId,
  oldestId,
} from './messages';

function message(id: string, createdAt: string, overrides: Partial<Message> = {}): Message {
  return {
    id,
    chatId: 'chat',
    content: `message ${id}`,
    senderType: 'USER',
    readAt: null,
    createdAt,
    clientId: null,
    ...overrides,
  };
}

const m1 = message('m1', '2024-01-29T10:00:00.000Z');
const m2 = message('m2', '2024-01-29T10:01:00.000Z');
const m3 = message('m3', '2024-01-29T10:02:00.000Z');

function ids(messages: ChatMessage[]): string[] {
  return messages.map((item) => item.id);
}

function draft(clientId: string, content = 'Hi there') {
  return { chatId: 'chat', clientId, content, createdAt: '2024-01-29T10:05:00.000Z' };
}

describe('mergeMessages', () => {
  it('orders by creation time, oldest first', () => {
    expect(ids(mergeMessages([], [m3, m1, m2]))).toEqual(['m1', 'm2', 'm3']);
  });

  it('deduplicates by id (live event replayed, page overlapping)', () => {
    const merged = mergeMessages(mergeMessages([], [m1, m2]), [m2, m3, m3]);
    expect(ids(merged)).toEqual(['m1', 'm2', 'm3']);
    expect(merged.every((item) => item.status === 'sent')).toBe(true);
  });

  it('prepends an older page', () => {
    const m0 = message('m0', '2024-01-29T09:00:00.000Z');
    expect(ids(mergeMessages(mergeMessages([], [m2, m3]), [m0, m1]))).toEqual(['m0', 'm1', 'm2', 'm3']);
  });

  it('keeps a known readAt when a copy without it arrives', () => {
    const read = mergeMessages([], [{ ...m1, senderType: 'ADMIN', readAt: '2024-01-29T11:00:00.000Z' }]);
    expect(mergeMessages(read, [{ ...m1, senderType: 'ADMIN' }])[0]?.readAt).toBe('2024-01-29T11:00:00.000Z');
  });
});

describe('optimistic sends', () => {
  const base = mergeMessages([], [m1, m2]);

  it('shows a pending message after the confirmed ones', () => {
    const pending = addPending(base, draft('c1'));
    expect(pending.map((item) => item.status)).toEqual(['sent', 'sent', 'pending']);
    expect(pending[2]).toMatchObject({ senderType: 'ADMIN', clientId: 'c1', content: 'Hi there' });
  });

  it('confirms the pending message by clientId, once', () => {
    const pending = addPending(base, draft('c1'));
    const ack = message('s1', '2024-01-29T10:05:01.000Z', { senderType: 'ADMIN', clientId: 'c1', content: 'Hi there' });
    const confirmed = mergeMessages(pending, [ack]);
    expect(ids(confirmed)).toEqual(['m1', 'm2', 's1']);
    expect(confirmed[2]?.status).toBe('sent');
    // The live messageAdded event for the same message changes nothing.
    expect(mergeMessages(confirmed, [ack])).toEqual(confirmed);
  });

  it('keeps pending messages last while others arrive', () => {
    const pending = addPending(base, draft('c1'));
    const withUser = mergeMessages(pending, [m3]);
    expect(ids(withUser)).toEqual(['m1', 'm2', 'm3', 'local:c1']);
  });

  it('orders a confirmed message by its server time', () => {
    const pending = addPending(base, draft('c1'));
    const ack = message('s1', '2024-01-29T10:01:30.000Z', { senderType: 'ADMIN', clientId: 'c1' });
    expect(ids(mergeMessages(pending, [m3, ack]))).toEqual(['m1', 'm2', 's1', 'm3']);
  });

  it('marks a failed send and retries it with the same clientId', () => {
    const failed = markFailed(addPending(base, draft('c1')), 'c1');
    expect(failed[2]?.status).toBe('failed');
    const retrying = markPending(failed, 'c1');
    expect(retrying[2]).toMatchObject({ status: 'pending', clientId: 'c1' });
    const ack = message('s1', '2024-01-29T10:06:00.000Z', { senderType: 'ADMIN', clientId: 'c1' });
    expect(mergeMessages(retrying, [ack]).filter((item) => item.clientId === 'c1')).toHaveLength(1);
  });

  it('does not add the same clientId twice', () => {
    const once = addPending(base, draft('c1'));
    expect(addPending(once, draft('c1'))).toHaveLength(3);
  });

  it('ignores pending and failed messages for paging ids', () => {
    const pending = addPending(base, draft('c1'));
    expect(newestId(pending)).toBe('m2');
    expect(oldestId(pending)).toBe('m1');
    expect(newestId([])).toBeNull();
    expect(oldestId(addPending([], draft('c2')))).toBeNull();
  });
});

describe('applyReadReceipts', () => {
  it('sets readAt on the listed messages only', () => {
    const staff = mergeMessages([], [
      message('s1', '2024-01-29T10:00:00.000Z', { senderType: 'ADMIN' }),
      message('s2', '2024-01-29T10:01:00.000Z', { senderType: 'ADMIN' }),
    ]);
    const read = applyReadReceipts(staff, [
      message('s1', '2024-01-29T10:00:00.000Z', { senderType: 'ADMIN', readAt: '2024-01-29T10:03:00.000Z' }),
      message('unknown', '2024-01-29T10:00:00.000Z', { readAt: '2024-01-29T10:03:00.000Z' }),
    ]);
    expect(read.map((item) => item.readAt)).toEqual(['2024-01-29T10:03:00.000Z', null]);
  });
});
