import { describe, expect, it, vi } from 'vitest';
import { createTokenSource } from '../src/auth';

describe('createTokenSource', () => {
  it('uses the given token without calling getToken', async () => {
    const getToken = vi.fn(async () => 'fresh');
    await expect(createTokenSource('initial', getToken).current()).resolves.toBe('initial');
    expect(getToken).not.toHaveBeenCalled();
  });

  it('asks getToken when there is no token yet', async () => {
    await expect(createTokenSource(undefined, async () => 'fresh').current()).resolves.toBe('fresh');
  });

  it('refreshes once for concurrent rejections of the same token', async () => {
    const getToken = vi.fn(async () => 'fresh');
    const tokens = createTokenSource('old', getToken);
    const results = await Promise.all([tokens.refresh('old'), tokens.refresh('old')]);
    expect(results).toEqual(['fresh', 'fresh']);
    expect(getToken).toHaveBeenCalledTimes(1);
    await expect(tokens.current()).resolves.toBe('fresh');
  });

  it('hands out the newer token when an older one was rejected', async () => {
    const getToken = vi.fn(async () => 'fresh');
    const tokens = createTokenSource('old', getToken);
    await tokens.refresh('old');
    await expect(tokens.refresh('old')).resolves.toBe('fresh');
    expect(getToken).toHaveBeenCalledTimes(1);
  });

  it('gives null when no better token can be had', async () => {
    await expect(createTokenSource('old', undefined).refresh('old')).resolves.toBeNull();
    await expect(createTokenSource('old', async () => 'old').refresh('old')).resolves.toBeNull();
    await expect(createTokenSource('old', () => Promise.reject(new Error('down'))).refresh('old')).resolves.toBeNull();
  });
});
