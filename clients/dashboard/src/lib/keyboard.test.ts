import { describe, expect, it } from 'vitest';
import { type KeyPress, moveSelection, shortcutFor } from './keyboard';

function press(key: string, overrides: Partial<KeyPress> = {}): KeyPress {
  return { key, ctrlKey: false, metaKey: false, altKey: false, inTextField: false, ...overrides };
}

describe('shortcutFor', () => {
  it('maps the list keys', () => {
    expect(shortcutFor(press('j'))).toBe('next');
    expect(shortcutFor(press('ArrowDown'))).toBe('next');
    expect(shortcutFor(press('k'))).toBe('previous');
    expect(shortcutFor(press('ArrowUp'))).toBe('previous');
    expect(shortcutFor(press('Enter'))).toBe('open');
    expect(shortcutFor(press('e'))).toBe('archive');
    expect(shortcutFor(press('a'))).toBe('assignToMe');
    expect(shortcutFor(press('?'))).toBe('help');
  });

  it('ignores keys typed in a field, with a modifier, or unknown', () => {
    expect(shortcutFor(press('e', { inTextField: true }))).toBeNull();
    expect(shortcutFor(press('?', { inTextField: true }))).toBeNull();
    expect(shortcutFor(press('a', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press('k', { metaKey: true }))).toBeNull();
    expect(shortcutFor(press('j', { altKey: true }))).toBeNull();
    expect(shortcutFor(press('E'))).toBeNull();
    expect(shortcutFor(press('x'))).toBeNull();
  });
});

describe('moveSelection', () => {
  const ids = ['a', 'b', 'c'];

  it('starts at an end when nothing is selected', () => {
    expect(moveSelection(ids, null, 1)).toBe('a');
    expect(moveSelection(ids, null, -1)).toBe('c');
    expect(moveSelection(ids, 'gone', 1)).toBe('a');
  });

  it('moves one step and stops at the ends', () => {
    expect(moveSelection(ids, 'a', 1)).toBe('b');
    expect(moveSelection(ids, 'b', -1)).toBe('a');
    expect(moveSelection(ids, 'c', 1)).toBe('c');
    expect(moveSelection(ids, 'a', -1)).toBe('a');
  });

  it('has nothing to select in an empty list', () => {
    expect(moveSelection([], null, 1)).toBeNull();
  });
});
