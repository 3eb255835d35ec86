import type { TargetedEvent, TargetedKeyboardEvent } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Attachment } from '../../../shared/src/attachments';
import type { Uploads } from '../hooks/useUploads';
import { PaperclipIcon } from './AttachmentIcons';
import { UploadTray } from './UploadTray';

/** The API's limit on a message's length. */
const MAX_LENGTH = 5000;
const MAX_HEIGHT_PX = 160;

interface Props {
  onSend: (content: string, attachments: readonly Attachment[]) => void;
  uploads: Uploads;
}

/** Auto-growing reply box: Enter sends, Shift+Enter starts a new line; files attach. */
export function Composer({ onSend, uploads }: Props) {
  const picker = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);
  const canSend = (text.trim() !== '' || uploads.ready.length > 0) && !uploads.uploading;

  useLayoutEffect(() => {
    const element = input.current;
    if (!element) return;
    element.style.height = 'auto';
    element.style.height = `${Math.min(element.scrollHeight, MAX_HEIGHT_PX)}px`;
  }, [text]);

  const submit = () => {
    if (!canSend) return;
    onSend(text, uploads.ready);
    uploads.clear();
    setText('');
    input.current?.focus();
  };

  const onKeyDown = (event: TargetedKeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  const onSubmit = (event: TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    submit();
  };

  return (
    <form class="composer" onSubmit={onSubmit}>
      <UploadTray uploads={uploads} />
      <input
        ref={picker}
        type="file"
        multiple
        hidden
        data-testid="file-input"
        onChange={(event) => {
          uploads.add([...(event.currentTarget.files ?? [])]);
          event.currentTarget.value = '';
        }}
      />
      <button
        type="button"
        class="button composer__attach"
        aria-label="Attach a file"
        title="Attach a file"
        onClick={() => picker.current?.click()}
        data-testid="attach"
      >
        <PaperclipIcon />
      </button>
      <textarea
        ref={input}
        class="composer__input"
        rows={1}
        maxLength={MAX_LENGTH}
        placeholder="Write a reply…  (Enter to send, Shift+Enter for a new line)"
        aria-label="Reply"
        value={text}
        onInput={(event) => setText(event.currentTarget.value)}
        onKeyDown={onKeyDown}
        onPaste={(event) => {
          const files = [...(event.clipboardData?.files ?? [])];
          if (files.length === 0) return;
          event.preventDefault();
          uploads.add(files);
        }}
        autoFocus
        data-testid="composer-input"
      />
      <button type="submit" class="button button--primary composer__send" disabled={!canSend} data-testid="composer-send">
        Send
      </button>
    </form>
  );
}
