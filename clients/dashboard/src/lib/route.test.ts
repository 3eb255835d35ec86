import { describe, expect, it } from 'vitest';
import { ALL_ACTIVE, chatHref, listHref, parseRoute, REPLIES_HREF } from './route';

const id = '3f0c7a1e-2b4d-4c1e-9a8f-0d6b5e4c3a21';

describe('routes', () => {
  it('parses the lists', () => {
    expect(parseRoute('')).toEqual({ name: 'inbox', list: ALL_ACTIVE, chatId: null });
    expect(parseRoute('#/')).toEqual({ name: 'inbox', list: ALL_ACTIVE, chatId: null });
    expect(parseRoute('#/whatever')).toEqual({ name: 'inbox', list: ALL_ACTIVE, chatId: null });
    expect(parseRoute('#/archived')).toEqual({
      name: 'inbox',
      list: { archived: true, assignee: 'ANYONE' },
      chatId: null,
    });
    expect(parseRoute('#/mine')).toEqual({
      name: 'inbox',
      list: { archived: false, assignee: 'ME' },
      chatId: null,
    });
    expect(parseRoute('#/archived/unassigned')).toEqual({
      name: 'inbox',
      list: { archived: true, assignee: 'NOBODY' },
      chatId: null,
    });
  });

  it('names the open chat beside its list', () => {
    expect(parseRoute(`#/chats/${id}`)).toEqual({ name: 'inbox', list: ALL_ACTIVE, chatId: id });
    expect(parseRoute(`#/archived/mine/chats/${id}`)).toEqual({
      name: 'inbox',
      list: { archived: true, assignee: 'ME' },
      chatId: id,
    });
  });

  it('round-trips every list with and without a chat', () => {
    for (const archived of [false, true]) {
      for (const assignee of ['ANYONE', 'ME', 'NOBODY'] as const) {
        const list = { archived, assignee };
        expect(parseRoute(listHref(list))).toEqual({ name: 'inbox', list, chatId: null });
        expect(parseRoute(chatHref(id, list))).toEqual({ name: 'inbox', list, chatId: id });
      }
    }
    expect(chatHref(id)).toBe(`#/chats/${id}`);
    expect(listHref(ALL_ACTIVE)).toBe('#/');
    expect(chatHref('a/b c')).toBe('#/chats/a%2Fb%20c');
    expect(parseRoute(chatHref('a/b c'))).toMatchObject({ chatId: 'a/b c' });
  });

  it('parses the saved replies page', () => {
    expect(parseRoute(REPLIES_HREF)).toEqual({ name: 'replies' });
  });
});
