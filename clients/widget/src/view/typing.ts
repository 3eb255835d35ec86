/**
 * "Sam is typing…" under the message list. A polite status region: it speaks
 * when the text changes (someone starts, another joins), not on every refresh,
 * and says nothing when it empties.
 */
import type { Translator } from '../i18n/translate';
import { h } from './dom';

export interface TypingIndicator {
  readonly element: HTMLElement;
  /** Who is typing; null: a typist without a name, shown as `fallbackName`. */
  render(names: readonly (string | null)[]): void;
}

export function createTypingIndicator(t: Translator, fallbackName: string): TypingIndicator {
  const element = h('p', { class: 'typing', 'data-testid': 'typing', role: 'status' });
  return {
    element,
    render(names) {
      const text = names.map((name) => t.text('typing', { name: name ?? fallbackName })).join(' ');
      if (element.textContent !== text) element.textContent = text;
    },
  };
}
