// The dashboard's keyboard shortcuts, as a pure mapping from a key press to an action.

export type ShortcutAction = 'next' | 'previous' | 'open' | 'archive' | 'assignToMe' | 'help';

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The press happened in a text field (input, textarea, select, contenteditable). */
  inTextField: boolean;
}

const ACTIONS: Readonly<Record<string, ShortcutAction>> = {
  ArrowDown: 'next',
  j: 'next',
  ArrowUp: 'previous',
  k: 'previous',
  Enter: 'open',
  e: 'archive',
  a: 'assignToMe',
  '?': 'help',
};

/** What the help dialog lists, in this order. */
export const SHORTCUTS: readonly { keys: readonly string[]; does: string }[] = [
  { keys: ['↓', 'j'], does: 'Next chat' },
  { keys: ['↑', 'k'], does: 'Previous chat' },
  { keys: ['Enter'], does: 'Open the selected chat' },
  { keys: ['e'], does: 'Archive or restore the chat' },
  { keys: ['a'], does: 'Assign the chat to me' },
  { keys: ['/'], does: 'Saved replies (in the reply box)' },
  { keys: ['?'], does: 'Show these shortcuts' },
  { keys: ['Esc'], does: 'Close a dialog or picker' },
];

/** The shortcut a key press means, or null (typing in a field, or with a modifier). */
export function shortcutFor(press: KeyPress): ShortcutAction | null {
  if (press.inTextField || press.ctrlKey || press.metaKey || press.altKey) return null;
  return ACTIONS[press.key] ?? null;
}

/** Whether keys typed at `element` are text, not shortcuts. */
export function isTextField(element: EventTarget | null): boolean {
  if (!(element instanceof HTMLElement)) return false;
  return element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName);
}

/** The chat `step` places from `current` in `ids` (the first or last when none is current). */
export function moveSelection(ids: readonly string[], current: string | null, step: 1 | -1): string | null {
  if (ids.length === 0) return null;
  const index = current === null ? -1 : ids.indexOf(current);
  if (index === -1) return step === 1 ? ids[0]! : ids[ids.length - 1]!;
  return ids[Math.min(Math.max(index + step, 0), ids.length - 1)]!;
}
