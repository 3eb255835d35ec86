import { useClient } from '@urql/preact';
import { useCallback, useMemo } from 'preact/hooks';
import { ARCHIVE_CHAT, ASSIGN_CHAT, UNARCHIVE_CHAT } from '../graphql/operations';
import { useChatStore } from './useChatStore';

export interface ChatActions {
  setArchived: (chatId: string, archived: boolean) => Promise<boolean>;
  /** Assign to a staff member, or to nobody (null). */
  assign: (chatId: string, staffId: string | null) => Promise<boolean>;
}

/** The writes on a chat that the chat view and the keyboard share; results go into the store. */
export function useChatActions(): ChatActions {
  const client = useClient();
  const { receive } = useChatStore();

  const setArchived = useCallback(
    async (chatId: string, archived: boolean) => {
      const { data } = archived
        ? await client.mutation(ARCHIVE_CHAT, { chatId }).toPromise()
        : await client.mutation(UNARCHIVE_CHAT, { chatId }).toPromise();
      const updated = data && ('archiveChat' in data ? data.archiveChat : data.unarchiveChat);
      if (updated) receive([updated]);
      return Boolean(updated);
    },
    [client, receive],
  );

  const assign = useCallback(
    async (chatId: string, staffId: string | null) => {
      const { data } = await client.mutation(ASSIGN_CHAT, { chatId, staffId }).toPromise();
      if (data) receive([data.assignChat]);
      return Boolean(data);
    },
    [client, receive],
  );

  return useMemo(() => ({ setArchived, assign }), [setArchived, assign]);
}
