import { describe, expect, it } from 'vitest';
import { coalesce } from './coalesce';

describe('coalesce', () => {
  it('runs once at a time and folds calls made meanwhile into one more run', async () => {
    const releases: (() => void)[] = [];
    let runs = 0;
    const run = coalesce(() => {
      runs += 1;
      return new Promise<void>((resolve) => releases.push(resolve));
    });
    run();
    run();
    run();
    expect(runs).toBe(1);
    releases.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(runs).toBe(2);
    releases.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(runs).toBe(2);
  });
});
