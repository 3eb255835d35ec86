import { useClient } from '@urql/preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ADD_NOTE, CHAT_NOTES, NOTE_ADDED } from '../graphql/operations';
import type { Note } from '../graphql/types';
import { addNote } from '../lib/timeline';
import { useChatStore } from './useChatStore';

export interface ChatNotes {
  notes: readonly Note[];
  /** Resolves false when the note was not saved (the text stays in the composer). */
  add: (content: string) => Promise<boolean>;
}

/** One chat's staff notes: loaded on open and after a reconnect, live through `noteAdded`. */
export function useChatNotes(chatId: string): ChatNotes {
  const client = useClient();
  const { reconnects } = useChatStore();
  const [notes, setNotes] = useState<readonly Note[]>([]);

  useEffect(() => {
    const subscription = client.subscription(NOTE_ADDED, { chatId }).subscribe(({ data }) => {
      if (data) setNotes((current) => addNote(current, data.noteAdded));
    });
    void client
      .query(CHAT_NOTES, { id: chatId })
      .toPromise()
      .then(({ data }) => {
        const loaded = data?.chat?.notes;
        if (loaded) setNotes((current) => loaded.reduce(addNote, current));
      });
    return () => subscription.unsubscribe();
  }, [client, chatId, reconnects]);

  const add = useCallback(
    async (content: string) => {
      const { data } = await client.mutation(ADD_NOTE, { chatId, content }).toPromise();
      if (data) setNotes((current) => addNote(current, data.addNote));
      return Boolean(data);
    },
    [client, chatId],
  );

  return { notes, add };
}
