// The conversation as shown: the chat's messages in their order (clients/shared decides it)
// with staff notes placed among them by time.
import type { ChatEntry } from '../../../shared/src/chat';
import type { Note } from '../graphql/types';

export type TimelineItem =
  | { kind: 'message'; key: string; createdAt: string; message: ChatEntry }
  | { kind: 'note'; key: string; createdAt: string; note: Note };

function time(iso: string): number {
  return Date.parse(iso);
}

/**
 * Messages keep their order; each note goes before the first confirmed message written
 * after it, and after every confirmed one otherwise (sends still pending stay last).
 * Notes among themselves: by time, then id.
 */
export function interleaveNotes(messages: readonly ChatEntry[], notes: readonly Note[]): TimelineItem[] {
  const sorted = [...notes].sort((a, b) => time(a.createdAt) - time(b.createdAt) || (a.id < b.id ? -1 : 1));
  const items: TimelineItem[] = [];
  let next = 0;
  const placeNotesUpTo = (limit: number): void => {
    while (next < sorted.length && time(sorted[next]!.createdAt) < limit) {
      const note = sorted[next++]!;
      items.push({ kind: 'note', key: `note:${note.id}`, createdAt: note.createdAt, note });
    }
  };
  for (const message of messages) {
    if (message.status === 'sent') placeNotesUpTo(time(message.createdAt));
    else placeNotesUpTo(Number.POSITIVE_INFINITY);
    items.push({ kind: 'message', key: message.key, createdAt: message.createdAt, message });
  }
  placeNotesUpTo(Number.POSITIVE_INFINITY);
  return items;
}

/** Adds a note once (a live event may repeat what the query returned). */
export function addNote(notes: readonly Note[], note: Note): readonly Note[] {
  return notes.some((known) => known.id === note.id) ? notes : [...notes, note];
}
