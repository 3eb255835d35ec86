import { describe, expect, it } from 'vitest';
import { chatHref, listHref, parseRoute } from './route';

describe('routes', () => {
  it('parses the list tabs', () => {
    expect(parseRoute('')).toEqual({ name: 'list', archived: false });
    expect(parseRoute('#/')).toEqual({ name: 'list', archived: false });
    expect(parseRoute('#/archived')).toEqual({ name: 'list', archived: true });
    expect(parseRoute('#/whatever')).toEqual({ name: 'list', archived: false });
  });

  it('round-trips chat links', () => {
    const id = '3f0c7a1e-2b4d-4c1e-9a8f-0d6b5e4c3a21';
    expect(chatHref(id)).toBe(`#/chats/${id}`);
    expect(parseRoute(chatHref(id))).toEqual({ name: 'chat', chatId: id });
    expect(listHref(true)).toBe('#/archived');
  });
});
