/**
 * Attachments in the widget: the tray of files being uploaded for the next
 * message (progress, errors, remove), and the thumbnails or file chips of a
 * sent message. Every user-facing word is in STRINGS (and the shared upload
 * problems), ready for translation.
 */
import {
  formatSize,
  isImage,
  MAX_ATTACHMENTS,
  uploadProblem,
  type Attachment,
} from '../../../shared/src/attachments';
import { ApiError } from '../api';
import type { Uploader } from '../upload';
import { h, icon } from './dom';

export const STRINGS = {
  attach: 'Attach a file',
  remove: 'Remove',
  uploading: 'Uploading',
  opens: 'Open',
};

export const PAPERCLIP_ICON =
  '<svg viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"><path d="M21 11.5 12.5 20a5 5 0 0 1-7-7l8.5-8.5a3.3 3.3 0 0 1 4.7 4.7L10.2 17.7a1.7 1.7 0 0 1-2.4-2.4L15.5 7.6"/></svg>';

interface Pending {
  readonly item: HTMLLIElement;
  attachment: Attachment | null;
}

export interface AttachmentTray {
  readonly element: HTMLElement;
  /** The paperclip: opens the file picker. */
  readonly button: HTMLButtonElement;
  add(files: readonly File[]): void;
  /** Uploaded and waiting for the next message. */
  ready(): Attachment[];
  uploading(): boolean;
  clear(): void;
}

export function createAttachmentTray(upload: Uploader, onChange: () => void): AttachmentTray {
  const picker = h('input', { type: 'file', multiple: '', hidden: '', 'data-testid': 'file-input' });
  const button = h(
    'button',
    { type: 'button', class: 'attach', 'data-testid': 'attach', 'aria-label': STRINGS.attach, title: STRINGS.attach },
    icon(PAPERCLIP_ICON),
  );
  const list = h('ul', { class: 'tray', 'data-testid': 'tray' });
  const problem = h('p', { class: 'upload-error', 'data-testid': 'upload-error', role: 'alert' });
  problem.hidden = true;
  const element = h('div', { class: 'attachments' }, picker, list, problem);
  const pending = new Set<Pending>();

  button.addEventListener('click', () => picker.click());
  picker.addEventListener('change', () => {
    add([...(picker.files ?? [])]);
    picker.value = '';
  });

  function showProblem(text: string | null): void {
    problem.textContent = text ?? '';
    problem.hidden = text === null;
  }

  function add(files: readonly File[]): void {
    showProblem(null);
    for (const file of files) {
      if (pending.size >= MAX_ATTACHMENTS) {
        showProblem(uploadProblem('TOO_MANY'));
        break;
      }
      start(file);
    }
  }

  function start(file: File): void {
    const bar = h('progress', { max: '1', value: '0', 'aria-label': `${STRINGS.uploading} ${file.name}` });
    const remove = h('button', { type: 'button', class: 'remove', 'aria-label': `${STRINGS.remove} ${file.name}` }, '×');
    const item = h('li', { class: 'pending-file', 'data-testid': 'pending-file' }, h('span', { class: 'name' }, file.name || 'image'), bar, remove);
    const entry: Pending = { item, attachment: null };
    pending.add(entry);
    list.append(item);
    remove.addEventListener('click', () => {
      pending.delete(entry);
      item.remove();
      onChange();
    });
    onChange();
    upload(file, (fraction) => {
      bar.value = fraction;
    }).then(
      (attachment) => {
        entry.attachment = attachment;
        item.dataset.state = 'ready';
        bar.value = 1;
        onChange();
      },
      (error: unknown) => {
        pending.delete(entry);
        item.remove();
        showProblem(uploadProblem(error instanceof ApiError ? error.code : 'ERROR'));
        onChange();
      },
    );
  }

  return {
    element,
    button,
    add,
    ready: () => [...pending].flatMap((entry) => (entry.attachment ? [entry.attachment] : [])),
    uploading: () => [...pending].some((entry) => entry.attachment === null),
    clear() {
      pending.clear();
      list.replaceChildren();
      showProblem(null);
    },
  };
}

/** A sent message's files: image thumbnails that open the full image, chips for the rest. */
export function renderAttachments(attachments: readonly Attachment[] | undefined): HTMLElement | null {
  if (!attachments?.length) return null;
  const items = attachments.map((attachment) => {
    const link = h('a', { href: attachment.url, target: '_blank', rel: 'noopener noreferrer', 'data-testid': 'attachment' });
    if (isImage(attachment) && attachment.thumbnailUrl) {
      link.className = 'thumbnail';
      link.append(h('img', { src: attachment.thumbnailUrl, alt: attachment.filename, loading: 'lazy' }));
    } else {
      link.className = 'file-chip';
      link.setAttribute('download', attachment.filename);
      link.append(h('span', { class: 'name' }, attachment.filename), h('span', { class: 'size' }, formatSize(attachment.size)));
    }
    link.title = `${STRINGS.opens} ${attachment.filename}`;
    return link;
  });
  return h('div', { class: 'files' }, ...items);
}
