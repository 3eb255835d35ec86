/** The auto-growing textarea and Send button: Enter sends, Shift+Enter breaks the line. */
import type { Translator } from '../i18n/translate';
import { h } from './dom';

export interface Composer {
  readonly element: HTMLFormElement;
  focus(): void;
}

export function createComposer(t: Translator, onSend: (text: string) => void): Composer {
  const input = h('textarea', {
    class: 'input',
    'data-testid': 'input',
    rows: '1',
    maxlength: '5000',
    dir: 'auto',
    placeholder: t.text('placeholder'),
    'aria-label': t.text('messageInput'),
  });
  const send = h('button', { type: 'submit', class: 'send', 'data-testid': 'send' }, t.text('send'));
  const element = h('form', { class: 'composer' }, input, send);

  function grow(): void {
    // Reset first so it can also shrink; CSS max-height caps it at ~5 lines.
    input.style.height = 'auto';
    const borders = input.offsetHeight - input.clientHeight;
    input.style.height = `${input.scrollHeight + borders}px`;
  }

  element.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    onSend(text);
    input.value = '';
    grow();
    input.focus();
  });
  input.addEventListener('input', grow);
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    element.requestSubmit();
  });

  return { element, focus: () => input.focus() };
}
