/** The auto-growing textarea and Send button: Enter sends, Shift+Enter breaks the line. */
import type { Attachment } from '../../../shared/src/attachments';
import type { Translator } from '../i18n/translate';
import type { Uploader } from '../upload';
import { createAttachmentTray } from './attachments';
import { h } from './dom';

export interface Composer {
  readonly element: HTMLFormElement;
  focus(): void;
  /** Files dropped or pasted anywhere on the panel. */
  attach(files: readonly File[]): void;
}

export function createComposer(
  t: Translator,
  onSend: (text: string, attachments: readonly Attachment[]) => void,
  upload: Uploader,
): Composer {
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
  const tray = createAttachmentTray(upload, () => {
    send.disabled = tray.uploading();
  });
  const element = h('form', { class: 'composer' }, tray.element, tray.button, input, send);

  function grow(): void {
    // Reset first so it can also shrink; CSS max-height caps it at ~5 lines.
    input.style.height = 'auto';
    const borders = input.offsetHeight - input.clientHeight;
    input.style.height = `${input.scrollHeight + borders}px`;
  }

  element.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    const attachments = tray.ready();
    if ((!text && attachments.length === 0) || tray.uploading()) return;
    onSend(text, attachments);
    input.value = '';
    tray.clear();
    grow();
    input.focus();
  });
  input.addEventListener('input', grow);
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    element.requestSubmit();
  });
  input.addEventListener('paste', (event) => {
    const files = [...(event.clipboardData?.files ?? [])];
    if (files.length === 0) return;
    event.preventDefault();
    tray.add(files);
  });

  return { element, focus: () => input.focus(), attach: (files) => tray.add(files) };
}
