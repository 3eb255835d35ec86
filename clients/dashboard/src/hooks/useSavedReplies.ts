import { useClient } from '@urql/preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { errorCode, type ErrorCode } from '../graphql/errors';
import { CANNED_REPLIES, DELETE_CANNED_REPLY, SAVE_CANNED_REPLY } from '../graphql/operations';
import type { CannedReply } from '../graphql/types';

export interface ReplyDraft {
  id: string | null;
  shortcut: string;
  title: string;
  content: string;
}

export interface SavedReplies {
  /** Null until loaded. */
  replies: readonly CannedReply[] | null;
  reload: () => void;
  /** Null when saved, otherwise why not. */
  save: (draft: ReplyDraft) => Promise<ErrorCode | 'FAILED' | null>;
  remove: (id: string) => Promise<boolean>;
}

function byShortcut(a: CannedReply, b: CannedReply): number {
  return a.shortcut.localeCompare(b.shortcut);
}

/** The team's saved replies (`cannedReplies`), loaded when `enabled` first becomes true. */
export function useSavedReplies(enabled = true): SavedReplies {
  const client = useClient();
  const [replies, setReplies] = useState<readonly CannedReply[] | null>(null);

  const reload = useCallback(() => {
    void client
      .query(CANNED_REPLIES, {})
      .toPromise()
      .then(({ data }) => data && setReplies([...data.cannedReplies].sort(byShortcut)));
  }, [client]);

  useEffect(() => {
    if (enabled) reload();
  }, [enabled, reload]);

  const save = useCallback(
    async (draft: ReplyDraft) => {
      const { data, error } = await client.mutation(SAVE_CANNED_REPLY, draft).toPromise();
      if (!data) return errorCode(error) ?? 'FAILED';
      const saved = data.saveCannedReply;
      setReplies((current) => [...(current ?? []).filter((reply) => reply.id !== saved.id), saved].sort(byShortcut));
      return null;
    },
    [client],
  );

  const remove = useCallback(
    async (id: string) => {
      const { data } = await client.mutation(DELETE_CANNED_REPLY, { id }).toPromise();
      if (data) setReplies((current) => (current ?? []).filter((reply) => reply.id !== id));
      return Boolean(data);
    },
    [client],
  );

  return { replies, reload, save, remove };
}
