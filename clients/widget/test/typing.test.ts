import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTypingSender, createTypingWatch, IDLE_MS, REFRESH_MS, SHOW_MS } from '../src/typing';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the user typing, told to support', () => {
  function sender() {
    const told: boolean[] = [];
    return { told, typing: createTypingSender((typing) => told.push(typing)) };
  }

  it('tells `true` at the first keystroke, then at most once per refresh period', () => {
    const { told, typing } = sender();
    typing.typed();
    expect(told).toEqual([true]);
    for (let ms = 0; ms < REFRESH_MS - 100; ms += 100) {
      vi.advanceTimersByTime(100);
      typing.typed();
    }
    expect(told).toEqual([true]);
    vi.advanceTimersByTime(100);
    typing.typed();
    expect(told).toEqual([true, true]);
  });

  it('tells `false` after the idle time without a keystroke, once', () => {
    const { told, typing } = sender();
    typing.typed();
    vi.advanceTimersByTime(IDLE_MS - 1);
    expect(told).toEqual([true]);
    typing.typed(); // a keystroke restarts the idle time
    vi.advanceTimersByTime(IDLE_MS - 1);
    expect(told).toEqual([true, true]);
    vi.advanceTimersByTime(1);
    expect(told).toEqual([true, true, false]);
    vi.advanceTimersByTime(IDLE_MS * 3);
    expect(told).toEqual([true, true, false]);
  });

  it('tells `false` at once on send, and nothing when the user was not typing', () => {
    const { told, typing } = sender();
    typing.stop();
    expect(told).toEqual([]);
    typing.typed();
    typing.stop();
    expect(told).toEqual([true, false]);
    vi.advanceTimersByTime(IDLE_MS);
    expect(told).toEqual([true, false]);
    typing.typed(); // typing again right after a send is news at once
    expect(told).toEqual([true, false, true]);
  });
});

describe('support typing, as the widget shows it', () => {
  function watch() {
    const shown: (readonly (string | null)[])[] = [];
    return { shown, typing: createTypingWatch((names) => shown.push(names)) };
  }

  it('shows a typist until `typing: false`', () => {
    const { shown, typing } = watch();
    typing.event({ name: 'Sam', typing: true });
    typing.event({ name: 'Sam', typing: false });
    expect(shown).toEqual([['Sam'], []]);
  });

  it('does not change what is shown on a refresh, and forgets a typist not refreshed in time', () => {
    const { shown, typing } = watch();
    typing.event({ name: 'Sam', typing: true });
    vi.advanceTimersByTime(SHOW_MS - 1);
    typing.event({ name: 'Sam', typing: true }); // refreshed: the timeout starts again
    vi.advanceTimersByTime(SHOW_MS - 1);
    expect(shown).toEqual([['Sam']]);
    vi.advanceTimersByTime(1);
    expect(shown).toEqual([['Sam'], []]);
  });

  it('shows several typists, and clears them all when a support message arrives', () => {
    const { shown, typing } = watch();
    typing.event({ name: 'Sam', typing: true });
    typing.event({ name: null, typing: true });
    typing.clear();
    expect(shown).toEqual([['Sam'], ['Sam', null], []]);
    vi.advanceTimersByTime(SHOW_MS);
    typing.clear();
    expect(shown).toHaveLength(3);
  });

  it('ignores a stop from someone not shown', () => {
    const { shown, typing } = watch();
    typing.event({ name: 'Sam', typing: false });
    expect(shown).toEqual([]);
  });
});
