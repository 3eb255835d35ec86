import type { TargetedEvent } from 'preact';
import { useState } from 'preact/hooks';
import type { ErrorCode } from '../graphql/errors';
import { type ReplyDraft, useSavedReplies } from '../hooks/useSavedReplies';
import { ALL_ACTIVE, listHref } from '../lib/route';

const EMPTY: ReplyDraft = { id: null, shortcut: '', title: '', content: '' };

function saveError(code: ErrorCode | 'FAILED'): string {
  if (code === 'BAD_USER_INPUT') return 'Check the fields: the shortcut is one word, not used by another reply.';
  return 'Could not save. Please try again.';
}

/** The team's saved replies: list, create, edit, delete. */
export function SavedRepliesPage() {
  const { replies, save, remove } = useSavedReplies();
  const [draft, setDraft] = useState<ReplyDraft>(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const edit = (field: keyof Omit<ReplyDraft, 'id'>) => (event: TargetedEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setDraft({ ...draft, [field]: event.currentTarget.value });

  const onSubmit = async (event: TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    const failed = await save({ ...draft, shortcut: draft.shortcut.trim().replace(/^\//, '') });
    setBusy(false);
    setError(failed && saveError(failed));
    if (!failed) setDraft(EMPTY);
  };

  return (
    <section class="replies" data-testid="replies-page" aria-labelledby="replies-title">
      <a class="chat-view__back" href={listHref(ALL_ACTIVE)}>
        ← Chats
      </a>
      <h1 id="replies-title">Saved replies</h1>
      <p class="replies__hint">Type “/” and a shortcut in the reply box to insert one.</p>
      <form class="replies__form" onSubmit={(event) => void onSubmit(event)} data-testid="reply-form">
        <h2>{draft.id ? 'Edit saved reply' : 'New saved reply'}</h2>
        <label>
          Shortcut
          <input value={draft.shortcut} onInput={edit('shortcut')} required maxLength={50} data-testid="reply-shortcut" />
        </label>
        <label>
          Title
          <input value={draft.title} onInput={edit('title')} required maxLength={200} data-testid="reply-title" />
        </label>
        <label>
          Text
          <textarea value={draft.content} onInput={edit('content')} required rows={4} maxLength={5000} data-testid="reply-content" />
        </label>
        {error && (
          <p class="notice notice--error" role="alert" data-testid="reply-error">
            {error}
          </p>
        )}
        <div class="replies__buttons">
          <button type="submit" class="button button--primary" disabled={busy} data-testid="reply-save">
            {draft.id ? 'Save changes' : 'Add saved reply'}
          </button>
          {draft.id && (
            <button type="button" class="button" onClick={() => setDraft(EMPTY)}>
              Cancel
            </button>
          )}
        </div>
      </form>
      {replies === null ? (
        <span class="spinner" role="status" aria-label="Loading" />
      ) : replies.length === 0 ? (
        <p class="empty">No saved replies yet.</p>
      ) : (
        <ul class="replies__list">
          {replies.map((reply) => (
            <li key={reply.id} class="replies__item" data-testid="reply-item" data-shortcut={reply.shortcut}>
              <div class="replies__text">
                <strong>/{reply.shortcut}</strong> {reply.title}
                <p>{reply.content}</p>
              </div>
              <button
                type="button"
                class="button"
                onClick={() => setDraft(reply)}
                aria-label={`Edit /${reply.shortcut}`}
                data-testid="reply-edit"
              >
                Edit
              </button>
              <button
                type="button"
                class="button"
                onClick={() => void remove(reply.id)}
                aria-label={`Delete /${reply.shortcut}`}
                data-testid="reply-delete"
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
