import { useChatPages } from '../hooks/useChatPages';
import { useChatStore } from '../hooks/useChatStore';
import { useDebounced } from '../hooks/useDebounced';
import { useInView } from '../hooks/useInView';
import { useNow } from '../hooks/useNow';
import { selectChats } from '../lib/chatList';
import { listHref } from '../lib/route';
import { ChatCard } from './ChatCard';

const SEARCH_DELAY_MS = 300;

interface Props {
  archived: boolean;
  /** The search box's text (kept by the parent so it survives opening a chat). */
  search: string;
  onSearch: (search: string) => void;
}

export function ChatList({ archived, search, onSearch }: Props) {
  const { chats } = useChatStore();
  const query = useDebounced(search.trim(), SEARCH_DELAY_MS);
  const pages = useChatPages(archived, query);
  const now = useNow();
  const sentinel = useInView<HTMLDivElement>(pages.loadMore, pages.hasNextPage && !pages.loading);
  const visible = selectChats(chats, { archived, search: query });

  return (
    <section class="chat-list" data-testid="chat-list">
      <header class="chat-list__header">
        <h1>Support Chats</h1>
        <nav class="tabs" aria-label="Chat lists">
          <a
            class={`tabs__tab${archived ? '' : ' tabs__tab--current'}`}
            href={listHref(false)}
            aria-current={archived ? undefined : 'page'}
            data-testid="tab-active"
          >
            Active
          </a>
          <a
            class={`tabs__tab${archived ? ' tabs__tab--current' : ''}`}
            href={listHref(true)}
            aria-current={archived ? 'page' : undefined}
            data-testid="tab-archived"
          >
            Archived
          </a>
        </nav>
        <input
          class="search"
          type="search"
          placeholder="Search by email"
          aria-label="Search by email"
          value={search}
          onInput={(event) => onSearch(event.currentTarget.value)}
          data-testid="search"
        />
      </header>
      <ul class="chat-list__items">
        {visible.map((chat) => (
          <li key={chat.id}>
            <ChatCard chat={chat} now={now} />
          </li>
        ))}
      </ul>
      {visible.length === 0 && !pages.loading && (
        <p class="empty">
          {query ? `No chats match “${query}”.` : archived ? 'No archived chats.' : 'No active chats.'}
        </p>
      )}
      {pages.failed && <p class="empty empty--error">Could not load chats.</p>}
      <div ref={sentinel} class="chat-list__more">
        {pages.loading && <span class="spinner" aria-label="Loading" />}
      </div>
    </section>
  );
}
