import type { TargetedEvent, TargetedKeyboardEvent } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

/** The API's limit on a message's length. */
const MAX_LENGTH = 5000;
const MAX_HEIGHT_PX = 160;

interface Props {
  onSend: (content: string) => void;
}

/** Auto-growing reply box: Enter sends, Shift+Enter starts a new line. */
export function Composer({ onSend }: Props) {
  const [text, setText] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);

  useLayoutEffect(() => {
    const element = input.current;
    if (!element) return;
    element.style.height = 'auto';
    element.style.height = `${Math.min(element.scrollHeight, MAX_HEIGHT_PX)}px`;
  }, [text]);

  const submit = () => {
    if (!text.trim()) return;
    onSend(text);
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
        autoFocus
        data-testid="composer-input"
      />
      <button type="submit" class="button button--primary composer__send" disabled={!text.trim()} data-testid="composer-send">
        Send
      </button>
    </form>
  );
}
