import type { CannedReply } from '../graphql/types';
import { REPLIES_HREF } from '../lib/route';

interface Props {
  replies: readonly CannedReply[];
  loading: boolean;
  highlight: number;
  onChoose: (index: number) => void;
}

/** The composer's "/" list of saved replies (the textarea keeps focus and drives it). */
export function ReplyPicker({ replies, loading, highlight, onChoose }: Props) {
  return (
    <div class="reply-picker" data-testid="reply-picker">
      {replies.length > 0 ? (
        <ul id="reply-picker" role="listbox" aria-label="Saved replies" class="reply-picker__list">
          {replies.map((reply, index) => (
            <li
              key={reply.id}
              id={`reply-option-${reply.id}`}
              role="option"
              aria-selected={index === highlight}
              class="reply-picker__option"
              onMouseDown={(event) => {
                event.preventDefault(); // keep the textarea's focus and caret
                onChoose(index);
              }}
              data-testid="reply-option"
            >
              <span class="reply-picker__shortcut">/{reply.shortcut}</span> {reply.title}
            </li>
          ))}
        </ul>
      ) : (
        <p class="reply-picker__empty">
          {loading ? 'Loading saved replies…' : 'No saved reply matches. '}
          {!loading && <a href={REPLIES_HREF}>Manage saved replies</a>}
        </p>
      )}
    </div>
  );
}
