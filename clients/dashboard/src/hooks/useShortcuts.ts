import { useEffect, useRef } from 'preact/hooks';
import { isTextField, type ShortcutAction, shortcutFor } from '../lib/keyboard';

/**
 * Calls `onShortcut` for the dashboard's shortcut keys pressed anywhere but in a text field
 * or an open dialog. It returns true when it used the key (the browser's default is then
 * prevented, e.g. ↓ scrolling the page).
 */
export function useShortcuts(onShortcut: (action: ShortcutAction, target: EventTarget | null) => boolean): void {
  const latest = useRef(onShortcut);
  latest.current = onShortcut;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.isComposing) return;
      if (event.target instanceof Element && event.target.closest('dialog[open], details[open]')) return;
      const action = shortcutFor({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        inTextField: isTextField(event.target),
      });
      if (action && latest.current(action, event.target)) event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
