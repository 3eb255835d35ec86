import { useClient } from '@urql/preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { CHATS } from '../graphql/operations';
import type { ListRoute } from '../lib/route';
import { useChatStore } from './useChatStore';

export const CHAT_PAGE_SIZE = 30;

export interface ChatPages {
  loading: boolean;
  failed: boolean;
  hasNextPage: boolean;
  loadMore: () => void;
}

interface PageState {
  key: string;
  endCursor: string | null;
  hasNextPage: boolean;
  loading: boolean;
  failed: boolean;
}

/**
 * Cursor pagination of one list (tab, assignee and search) of the chat list. Loaded chats
 * go into the shared store; the list shows the store's chats of that list, so live events
 * and pages mix.
 */
export function useChatPages({ archived, assignee }: ListRoute, search: string): ChatPages {
  const client = useClient();
  const { receive, reconnects } = useChatStore();
  const key = `${String(archived)}:${assignee}:${search}`;
  const [page, setPage] = useState<PageState>({
    key,
    endCursor: null,
    hasNextPage: false,
    loading: true,
    failed: false,
  });
  const currentKey = useRef(key);
  currentKey.current = key;

  const fetchPage = useCallback(
    (after: string | null) => {
      setPage((previous) => ({
        key,
        endCursor: after === null ? null : previous.endCursor,
        hasNextPage: after === null ? false : previous.hasNextPage,
        loading: true,
        failed: false,
      }));
      void client
        .query(CHATS, { archived, first: CHAT_PAGE_SIZE, after, search: search || null, assignee })
        .toPromise()
        .then(({ data }) => {
          if (data) receive(data.chats.edges.map((edge) => edge.node));
          if (currentKey.current !== key) return;
          setPage((previous) => ({
            key,
            endCursor: data ? data.chats.pageInfo.endCursor : previous.endCursor,
            hasNextPage: data ? data.chats.pageInfo.hasNextPage : previous.hasNextPage,
            loading: false,
            failed: !data,
          }));
        });
    },
    [client, receive, archived, assignee, search, key],
  );

  useEffect(() => fetchPage(null), [fetchPage, reconnects]);

  const ready = page.key === key && !page.loading;
  const loadMore = useCallback(() => {
    if (ready && page.hasNextPage) fetchPage(page.endCursor);
  }, [ready, page.hasNextPage, page.endCursor, fetchPage]);

  return {
    loading: page.key !== key || page.loading,
    failed: page.key === key && page.failed,
    hasNextPage: page.key === key && page.hasNextPage,
    loadMore,
  };
}
