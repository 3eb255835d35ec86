import { afterEach, describe, expect, it, vi } from 'vitest';
import { newClientId } from '../src/clientId';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newClientId', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('is a fresh v4 UUID', () => {
    const first = newClientId();
    expect(first).toMatch(UUID_V4);
    expect(newClientId()).not.toBe(first);
  });

  it('is built from getRandomValues where randomUUID is missing (plain http)', () => {
    const real = crypto;
    vi.stubGlobal('crypto', { getRandomValues: real.getRandomValues.bind(real) });
    expect(newClientId()).toMatch(UUID_V4);
  });
});
