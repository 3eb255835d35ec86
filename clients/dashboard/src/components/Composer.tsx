import type { TargetedEvent, TargetedKeyboardEvent } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Attachment } from '../../../shared/src/attachments';
import { useSavedReplies } from '../hooks/useSavedReplies';
import type { Uploads } from '../hooks/useUploads';
import { filterReplies, insertReply, slashToken, stepHighlight } from '../lib/savedReplies';
import { createTypingSignal } from '../lib/typingSignal';
import { PaperclipIcon } from './Icons';
import { ReplyPicker } from './ReplyPicker';
import { UploadTray } from './UploadTray';

/** The API's limit on a message's length. */
const MAX_LENGTH = 5000;
const MAX_HEIGHT_PX = 160;

interface Props {
  onSend: (content: string, attachments: readonly Attachment[]) => void;
  uploads: Uploads;
  /** Resolves false when the note was not saved. */
  onNote: (content: string) => Promise<boolean>;
  /** Tells the user whether the agent is typing (replies only, never notes). */
  onTyping: (typing: boolean) => void;
}

/**
 * Auto-growing reply box: Enter sends, Shift+Enter starts a new line; files attach
 * (paperclip, paste). "Note" switches to staff-only notes; "/" opens the saved replies picker.
 */
export function Composer({ onSend, uploads, onNote, onTyping }: Props) {
  const filePicker = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [caret, setCaret] = useState(0);
  const [noteMode, setNoteMode] = useState(false);
  const [highlight, setHighlight] = useState(0);
  const [pickerClosed, setPickerClosed] = useState(false);
  const [noteFailed, setNoteFailed] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const typing = useMemo(() => createTypingSignal(onTyping), [onTyping]);
  useEffect(() => typing.stopped, [typing]);

  const token = pickerClosed ? null : slashToken(text, caret);
  const { replies } = useSavedReplies(token !== null);
  const matches = token && replies ? filterReplies(replies, token.query) : [];
  const pickerOpen = token !== null;
  const canSend = noteMode
    ? text.trim() !== ''
    : (text.trim() !== '' || uploads.ready.length > 0) && !uploads.uploading;

  useLayoutEffect(() => {
    const element = input.current;
    if (!element) return;
    element.style.height = 'auto';
    element.style.height = `${Math.min(element.scrollHeight, MAX_HEIGHT_PX)}px`;
  }, [text]);

  const submit = async () => {
    if (!canSend) return;
    const content = text.trim();
    if (noteMode) {
      const saved = await onNote(content);
      setNoteFailed(!saved);
      if (!saved) return;
    } else {
      typing.stopped();
      onSend(content, uploads.ready);
      uploads.clear();
    }
    setText('');
    input.current?.focus();
  };

  const insert = (index: number) => {
    const reply = matches[index];
    if (!token || !reply) return;
    const next = insertReply(text, caret, token, reply.content);
    setText(next.text);
    setCaret(next.caret);
    requestAnimationFrame(() => input.current?.setSelectionRange(next.caret, next.caret));
  };

  const onKeyDown = (event: TargetedKeyboardEvent<HTMLTextAreaElement>) => {
    if (event.isComposing) return;
    if (pickerOpen && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      setHighlight((index) => stepHighlight(index, matches.length, event.key === 'ArrowDown' ? 1 : -1));
    } else if (pickerOpen && event.key === 'Escape') {
      event.preventDefault();
      setPickerClosed(true);
    } else if (pickerOpen && (event.key === 'Enter' || event.key === 'Tab') && matches.length > 0) {
      event.preventDefault();
      insert(highlight);
    } else if (event.key === 'Escape') {
      event.currentTarget.blur(); // back to the list's shortcuts
    } else if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void submit();
    }
  };

  const onInput = (event: TargetedEvent<HTMLTextAreaElement>) => {
    const { value, selectionStart } = event.currentTarget;
    setText(value);
    setCaret(selectionStart);
    setHighlight(0);
    setPickerClosed(false);
    if (noteMode) return;
    if (value.trim()) typing.typed();
    else typing.stopped();
  };

  const onSubmit = (event: TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submit();
  };

  const toggleNote = () => {
    setNoteMode((note) => !note);
    typing.stopped();
    input.current?.focus();
  };

  return (
    <form class={`composer${noteMode ? ' composer--note' : ''}`} onSubmit={onSubmit} data-testid="composer">
      {noteFailed && (
        <p class="composer__error" role="alert" data-testid="note-error">
          The note was not saved. Please try again.
        </p>
      )}
      {!noteMode && <UploadTray uploads={uploads} />}
      {pickerOpen && (
        <ReplyPicker
          replies={matches}
          loading={replies === null}
          highlight={highlight}
          onChoose={insert}
        />
      )}
      <button
        type="button"
        class="button button--ghost composer__mode"
        aria-pressed={noteMode}
        onClick={toggleNote}
        data-testid="note-toggle"
      >
        Note
      </button>
      <input
        ref={filePicker}
        type="file"
        multiple
        hidden
        data-testid="file-input"
        onChange={(event) => {
          uploads.add([...(event.currentTarget.files ?? [])]);
          event.currentTarget.value = '';
        }}
      />
      {!noteMode && (
        <button
          type="button"
          class="button composer__attach"
          aria-label="Attach a file"
          title="Attach a file"
          onClick={() => filePicker.current?.click()}
          data-testid="attach"
        >
          <PaperclipIcon />
        </button>
      )}
      <textarea
        ref={input}
        class="composer__input"
        rows={1}
        maxLength={MAX_LENGTH}
        placeholder={
          noteMode
            ? 'Write a note only staff see…'
            : 'Write a reply…  (/ for saved replies)'
        }
        aria-label={noteMode ? 'Note (only staff see this)' : 'Reply'}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={pickerOpen}
        aria-controls={pickerOpen ? 'reply-picker' : undefined}
        aria-activedescendant={pickerOpen && matches[highlight] ? `reply-option-${matches[highlight].id}` : undefined}
        value={text}
        onInput={onInput}
        onKeyDown={onKeyDown}
        onClick={(event) => setCaret(event.currentTarget.selectionStart)}
        onPaste={(event) => {
          const files = [...(event.clipboardData?.files ?? [])];
          if (files.length === 0 || noteMode) return;
          event.preventDefault();
          uploads.add(files);
        }}
        autoFocus
        data-testid="composer-input"
      />
      <button
        type="submit"
        class="button button--primary composer__send"
        disabled={!canSend}
        data-testid="composer-send"
      >
        {noteMode ? 'Add note' : 'Send'}
      </button>
    </form>
  );
}
