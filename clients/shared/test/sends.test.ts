import { describe, expect, it } from 'vitest';
import { addPending, emptyChatState, findUnconfirmed, mergeMessages, setSendStatus } from '../src/chat';
import { at, keys, merge, message, send } from './fixtures';

const history = merge(emptyChatState, [message('a', 1), message('b', 2)]);
const pending = send(history, 'c-1', 5, 'hello');
const own = message('m-1', 5, { clientId: 'c-1', content: 'hello' });

describe('addPending', () => {
  it('shows the send at once as pending, after the confirmed messages', () => {
    const staff = addPending(history, { clientId: 'c-9', content: 'Hi there', senderType: 'ADMIN', createdAt: at(5) });
    expect(staff.entries.map((entry) => [entry.key, entry.status])).toEqual([
      ['a', 'sent'],
      ['b', 'sent'],
      ['c-9', 'pending'],
    ]);
    expect(staff.entries[2]).toMatchObject({ id: null, clientId: 'c-9', senderType: 'ADMIN', content: 'Hi there', readAt: null });
  });

  it('keeps unconfirmed sends in send order after every confirmed message', () => {
    let state = send(pending, 'c-2', 0, 'again'); // an earlier clock does not move it
    state = merge(state, [message('c', 9)]);
    expect(keys(state)).toEqual(['a', 'b', 'c', 'c-1', 'c-2']);
  });

  it('does not add a clientId that is already shown', () => {
    expect(send(pending, 'c-1')).toBe(pending);
    const confirmed = merge(pending, [own]);
    expect(send(confirmed, 'c-1')).toBe(confirmed);
  });
});

describe('confirming a send', () => {
  it('is done by the mutation result, matched by clientId; the key stays', () => {
    const state = merge(pending, [own]);
    expect(state.entries).toHaveLength(3);
    expect(state.entries[2]).toMatchObject({ key: 'c-1', id: 'm-1', status: 'sent' });
  });

  it('happens once: the subscription first, then the mutation result dedupes', () => {
    const confirmed = merge(pending, [own]); // messageAdded
    const again = mergeMessages(confirmed, [own]); // sendMessage's answer
    expect(again.added).toEqual([]);
    expect(again.state).toEqual(confirmed);
    expect(again.state.entries.map((entry) => [entry.key, entry.id, entry.status])).toEqual([
      ['a', 'a', 'sent'],
      ['b', 'b', 'sent'],
      ['c-1', 'm-1', 'sent'],
    ]);
  });

  it('does not count as added', () => {
    expect(mergeMessages(pending, [own]).added).toEqual([]);
  });

  it('moves the message to its server time', () => {
    const early = message('m-1', 1, { clientId: 'c-1', createdAt: at(1, 30) });
    expect(keys(merge(pending, [message('c', 3), early]))).toEqual(['a', 'c-1', 'b', 'c']);
  });
});

describe('failed sends', () => {
  it('fail, and a retry keeps the same clientId', () => {
    const failed = setSendStatus(pending, 'c-1', 'failed');
    expect(findUnconfirmed(failed, 'c-1')).toMatchObject({ status: 'failed', clientId: 'c-1', content: 'hello' });
    const retried = setSendStatus(failed, 'c-1', 'pending');
    expect(findUnconfirmed(retried, 'c-1')).toMatchObject({ status: 'pending', clientId: 'c-1', key: 'c-1' });
    expect(merge(retried, [own]).entries.filter((entry) => entry.clientId === 'c-1')).toHaveLength(1);
  });

  it('are confirmed by a late answer even while shown as failed', () => {
    const failed = setSendStatus(pending, 'c-1', 'failed');
    expect(merge(failed, [own]).entries[2]).toMatchObject({ key: 'c-1', id: 'm-1', status: 'sent' });
  });

  it('cannot be a send the subscription already confirmed', () => {
    const confirmed = merge(pending, [own]);
    expect(setSendStatus(confirmed, 'c-1', 'failed')).toBe(confirmed);
    expect(findUnconfirmed(confirmed, 'c-1')).toBeUndefined();
  });

  it('leave the state alone when the status does not change', () => {
    expect(setSendStatus(pending, 'c-1', 'pending')).toBe(pending);
    expect(setSendStatus(pending, 'unknown', 'failed')).toBe(pending);
  });
});
