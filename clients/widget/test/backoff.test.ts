import { describe, expect, it } from 'vitest';
import { retryDelay } from '../src/backoff';

describe('retryDelay', () => {
  it('doubles per attempt within the jitter window', () => {
    expect(retryDelay(0, 0)).toBe(500);
    expect(retryDelay(0, 0.999)).toBeLessThanOrEqual(1000);
    expect(retryDelay(3, 0)).toBe(4000);
    expect(retryDelay(3, 0.5)).toBe(6000);
  });

  it('is capped at 30 seconds', () => {
    expect(retryDelay(20, 0.999)).toBeLessThanOrEqual(30_000);
    expect(retryDelay(Infinity, 0)).toBe(15_000);
  });
});
