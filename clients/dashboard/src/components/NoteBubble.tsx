import type { Note } from '../graphql/types';
import { staffLabel } from '../hooks/useTeam';
import { clockTime, dateTime } from '../lib/time';

/** A staff note among the messages: its own colour, and says who sees it. */
export function NoteBubble({ note }: { note: Note }) {
  return (
    <article class="note" data-testid="note" data-id={note.id}>
      <div class="note__label">
        <strong>{staffLabel(note.author)}</strong> · Note · only staff see this
      </div>
      <div class="note__body">{note.content}</div>
      <div class="message__meta">
        <time dateTime={note.createdAt} title={dateTime(note.createdAt)}>
          {clockTime(note.createdAt)}
        </time>
      </div>
    </article>
  );
}
