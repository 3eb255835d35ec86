import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTypingSignal, TYPING_IDLE_MS, TYPING_THROTTLE_MS } from './typingSignal';

describe('createTypingSignal', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends true once per throttle window while typing', () => {
    const sent: boolean[] = [];
    const signal = createTypingSignal((typing) => sent.push(typing));
    signal.typed();
    vi.advanceTimersByTime(1_000);
    signal.typed();
    vi.advanceTimersByTime(1_000);
    signal.typed();
    expect(sent).toEqual([true]);
    vi.advanceTimersByTime(TYPING_THROTTLE_MS);
    signal.typed();
    expect(sent).toEqual([true, true]);
  });

  it('sends false after the idle time without a key, once', () => {
    const sent: boolean[] = [];
    const signal = createTypingSignal((typing) => sent.push(typing));
    signal.typed();
    vi.advanceTimersByTime(TYPING_IDLE_MS - 1);
    expect(sent).toEqual([true]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([true, false]);
    vi.advanceTimersByTime(TYPING_IDLE_MS * 2);
    expect(sent).toEqual([true, false]);
  });

  it('sends false on send, and nothing when the agent was not typing', () => {
    const sent: boolean[] = [];
    const signal = createTypingSignal((typing) => sent.push(typing));
    signal.stopped();
    expect(sent).toEqual([]);
    signal.typed();
    signal.stopped();
    vi.advanceTimersByTime(TYPING_IDLE_MS * 2);
    expect(sent).toEqual([true, false]);
    signal.typed();
    expect(sent).toEqual([true, false, true]);
  });
});
