import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config';

const page = 'https://shop.example.org/account';

describe('resolveConfig', () => {
  it('derives the endpoints from the origin of widget.js', () => {
    const config = resolveConfig({ token: 't' }, 'https://chat.example.com/widget.js?v=2', page);
    expect(config.httpUrl).toBe('https://chat.example.com/graphql');
    expect(config.wsUrl).toBe('wss://chat.example.com/graphql');
  });

  it('uses ws: for an http endpoint and resolves a relative one against the page', () => {
    const config = resolveConfig({ token: 't', endpoint: '/api/graphql' }, null, 'http://localhost:8000/demo');
    expect(config.httpUrl).toBe('http://localhost:8000/api/graphql');
    expect(config.wsUrl).toBe('ws://localhost:8000/api/graphql');
  });

  it('falls back to the page origin without a script src', () => {
    expect(resolveConfig({ token: 't' }, null, page).httpUrl).toBe('https://shop.example.org/graphql');
  });

  it('fills in the defaults', () => {
    expect(resolveConfig({ token: 't' }, null, page)).toMatchObject({
      title: 'Support',
      primaryColor: undefined,
      position: 'bottom-right',
    });
    expect(resolveConfig({ token: 't', position: 'bottom-left' }, null, page).position).toBe('bottom-left');
  });

  it('needs a token or getToken', () => {
    expect(() => resolveConfig({}, null, page)).toThrow(/token/);
    expect(resolveConfig({ getToken: async () => 't' }, null, page).token).toBeUndefined();
  });
});
