import { describe, expect, it } from 'vitest';
import type { ChatEntry } from '../../../shared/src/chat';
import type { Note } from '../graphql/types';
import { addNote, interleaveNotes } from './timeline';

function message(id: string, createdAt: string, status: ChatEntry['status'] = 'sent'): ChatEntry {
  return {
    key: id,
    id: status === 'sent' ? id : null,
    clientId: null,
    seq: status === 'sent' ? Date.parse(createdAt) : null,
    content: id,
    senderType: 'USER',
    createdAt,
    readAt: null,
    status,
  };
}

function note(id: string, createdAt: string): Note {
  return { id, chatId: 'c', content: id, createdAt, author: { id: 's', email: 's@example.com', name: null } };
}

const keys = (items: ReturnType<typeof interleaveNotes>) => items.map((item) => item.key);

describe('interleaveNotes', () => {
  const messages = [message('m1', '2024-01-29T10:00:00.000Z'), message('m2', '2024-01-29T10:05:00.000Z')];

  it('places each note by time among the messages, keeping their order', () => {
    const notes = [note('n2', '2024-01-29T10:06:00.000Z'), note('n1', '2024-01-29T10:01:00.000Z')];
    expect(keys(interleaveNotes(messages, notes))).toEqual(['m1', 'note:n1', 'm2', 'note:n2']);
  });

  it('puts a note before messages written after it, and before pending sends', () => {
    const pending = message('p', '2024-01-29T09:00:00.000Z', 'pending');
    const notes = [note('n0', '2024-01-29T09:00:00.000Z'), note('n9', '2024-01-29T11:00:00.000Z')];
    expect(keys(interleaveNotes([...messages, pending], notes))).toEqual(['note:n0', 'm1', 'm2', 'note:n9', 'p']);
  });

  it('shows only notes, or only messages', () => {
    expect(keys(interleaveNotes([], [note('n', '2024-01-29T10:00:00.000Z')]))).toEqual(['note:n']);
    expect(keys(interleaveNotes(messages, []))).toEqual(['m1', 'm2']);
  });
});

describe('addNote', () => {
  it('adds a note once', () => {
    const first = note('n1', '2024-01-29T10:00:00.000Z');
    const notes = addNote([], first);
    expect(addNote(notes, first)).toBe(notes);
    expect(addNote(notes, note('n2', '2024-01-29T10:01:00.000Z'))).toHaveLength(2);
  });
});
