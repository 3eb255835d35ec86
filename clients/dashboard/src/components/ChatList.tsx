import type { ChatPages } from '../hooks/useChatPages';
import { useInView } from '../hooks/useInView';
import { useNow } from '../hooks/useNow';
import { useTypingUsers } from '../hooks/useTyping';
import type { Chat } from '../graphql/types';
import { type AssigneeFilter, listHref, type ListRoute } from '../lib/route';
import { ChatCard } from './ChatCard';

interface Props {
  list: ListRoute;
  chats: readonly Chat[];
  pages: ChatPages;
  /** The open chat, if any. */
  openId: string | null;
  /** The chat the keyboard is on (↑/↓, j/k). */
  selectedId: string | null;
  /** The search box's text (kept by the parent so it survives opening a chat). */
  search: string;
  onSearch: (search: string) => void;
}

const ASSIGNEE_TABS: readonly { assignee: AssigneeFilter; label: string; testId: string }[] = [
  { assignee: 'ANYONE', label: 'All', testId: 'filter-all' },
  { assignee: 'ME', label: 'Mine', testId: 'filter-mine' },
  { assignee: 'NOBODY', label: 'Unassigned', testId: 'filter-unassigned' },
];

function emptyText(list: ListRoute, search: string): string {
  if (search) return `No chats match “${search}”.`;
  const which = list.archived ? 'archived' : 'active';
  if (list.assignee === 'ME') return `No ${which} chats are assigned to you.`;
  if (list.assignee === 'NOBODY') return `No ${which} chats are unassigned.`;
  return `No ${which} chats.`;
}

export function ChatList({ list, chats, pages, openId, selectedId, search, onSearch }: Props) {
  const now = useNow();
  const typing = useTypingUsers();
  const sentinel = useInView<HTMLDivElement>(pages.loadMore, pages.hasNextPage && !pages.loading);

  return (
    <section class="chat-list" data-testid="chat-list" aria-labelledby="chat-list-title">
      <header class="chat-list__header">
        <h1 id="chat-list-title">Support Chats</h1>
        <nav class="tabs" aria-label="Active or archived">
          {[false, true].map((archived) => (
            <a
              key={String(archived)}
              class={`tabs__tab${list.archived === archived ? ' tabs__tab--current' : ''}`}
              href={listHref({ ...list, archived })}
              aria-current={list.archived === archived ? 'page' : undefined}
              data-testid={archived ? 'tab-archived' : 'tab-active'}
            >
              {archived ? 'Archived' : 'Active'}
            </a>
          ))}
        </nav>
        <nav class="tabs tabs--small" aria-label="Assigned to">
          {ASSIGNEE_TABS.map(({ assignee, label, testId }) => (
            <a
              key={assignee}
              class={`tabs__tab${list.assignee === assignee ? ' tabs__tab--current' : ''}`}
              href={listHref({ ...list, assignee })}
              aria-current={list.assignee === assignee ? 'page' : undefined}
              data-testid={testId}
            >
              {label}
            </a>
          ))}
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
        {chats.map((chat) => (
          <li key={chat.id}>
            <ChatCard
              chat={chat}
              list={list}
              now={now}
              open={chat.id === openId}
              selected={chat.id === selectedId && chat.id !== openId}
              typing={chat.id in typing ? (typing[chat.id] ?? null) : undefined}
            />
          </li>
        ))}
      </ul>
      {chats.length === 0 && !pages.loading && <p class="empty">{emptyText(list, search.trim())}</p>}
      {pages.failed && <p class="empty empty--error">Could not load chats.</p>}
      <div ref={sentinel} class="chat-list__more">
        {pages.loading && <span class="spinner" role="status" aria-label="Loading" />}
      </div>
    </section>
  );
}
