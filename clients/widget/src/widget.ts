/**
 * One running widget: wires the pure chat state to the HTTP API, the live
 * WebSocket connection, the view and the chime; typing, availability, the
 * rating and older pages come from their own modules.
 */
import {
  addPending,
  applyReadReceipts,
  emptyChatState,
  findUnconfirmed,
  mergeMessages,
  newestConfirmedSeq,
  oldestConfirmedId,
  setSendStatus,
  type ChatState,
} from '../../shared/src/chat';
import { newClientId } from '../../shared/src/clientId';
import { LINK_REFRESH_MARGIN_MS, linksExpireAt, type Attachment } from '../../shared/src/attachments';
import { createApi, type Availability } from './api';
import { createTokenSource } from './auth';
import type { Config } from './config';
import {
  canLoadOlder,
  freshHistory,
  historyAfterNewest,
  historyAfterOlder,
  historyFailed,
  historyLoading,
} from './history';
import { noRating, ratingFailed, ratingFromStatus, ratingSending, ratingSent, type ChatStatus } from './rating';
import { markRead, seenKey, unreadAdminIds, unreadCount } from './receipts';
import { connectLive } from './socket';
import { createChime } from './sound';
import { createTypingSender, createTypingWatch } from './typing';
import { createUploader } from './upload';
import type { Message } from './types';
import { createView } from './view';

/** How often to poll over HTTP while the WebSocket is down. */
const POLL_MS = 5000;
/** How many messages `fetchChat` brings: the ones a sync refreshes. */
const HISTORY_PAGE = 50;
/** How often to ask whether support is online while the panel is open. */
const AVAILABILITY_MS = 60_000;

export interface Widget {
  /** The host element, to be put in the page. */
  readonly host: HTMLElement;
  open(): void;
  close(): void;
  destroy(): void;
}

export function createWidget(config: Config, onUnreadChange: (count: number) => void): Widget {
  const auth = createTokenSource(config.token, config.getToken);
  const api = createApi(config.httpUrl, auth);

  let state: ChatState = emptyChatState;
  let isOpen = false;
  let connected = false;
  let loaded = false; // the first history load is no news: no chime for it
  let unread = 0;
  let syncing = false;
  let syncAgain = false;
  let markingRead = false;
  let destroyed = false;
  let availability: Availability | null = null;
  let typists: readonly (string | null)[] = [];
  let rating = noRating;
  let history = freshHistory;

  const view = createView(config, {
    toggle: () => {
      chime.unlock();
      setOpen(!isOpen);
    },
    close: () => setOpen(false),
    send,
    retry,
    upload: createUploader(config.httpUrl, auth),
    typed: () => typing.typed(),
    rate,
    loadOlder,
  });
  const chime = createChime(view.host);
  const typing = createTypingSender((isTyping) => void api.setTyping(isTyping).catch(() => {}));
  const supportTyping = createTypingWatch((names) => {
    typists = names;
    render();
  });

  function render(): void {
    if (destroyed) return;
    view.render({
      entries: state.entries,
      seenKey: seenKey(state),
      unread,
      connected,
      open: isOpen,
      availability,
      typing: typists,
      rating: rating.phase,
      hasOlder: history.hasMore,
      loadingOlder: history.loading,
    });
  }

  function update(next: ChatState): void {
    if (destroyed || next === state) return;
    state = next;
    const count = unreadCount(state);
    if (count !== unread) {
      unread = count;
      onUnreadChange(count);
    }
    render();
    maybeMarkRead();
  }

  function merge(messages: readonly Message[], notify: boolean): void {
    if (destroyed) return;
    const { state: next, added } = mergeMessages(state, messages);
    const incoming = notify ? added.filter((entry) => entry.senderType === 'ADMIN') : [];
    if (incoming.length > 0) {
      chime.play();
      view.announceIncoming(incoming);
    }
    if (added.some((entry) => entry.senderType === 'ADMIN')) supportTyping.clear();
    update(next);
  }

  function setRating(next: typeof rating): void {
    if (next === rating) return;
    rating = next;
    render();
  }

  function showStatus(status: ChatStatus): void {
    setRating(ratingFromStatus(rating, status));
  }

  /** Loads the newest page over HTTP and merges it; overlapping calls coalesce. */
  async function sync(): Promise<void> {
    if (syncing) {
      syncAgain = true;
      return;
    }
    syncing = true;
    try {
      do {
        syncAgain = false;
        const chat = await api.fetchChat();
        history = historyAfterNewest(history, chat.hasMore);
        merge(chat.messages, loaded);
        showStatus(chat.status);
        loaded = true;
      } while (syncAgain && !destroyed);
    } catch {
      // Offline or refused: the next poll or reconnection tries again.
    } finally {
      syncing = false;
    }
  }

  /** Marks support messages read while the user can see them. */
  function maybeMarkRead(): void {
    const ids = unreadAdminIds(state);
    if (!isOpen || markingRead || ids.length === 0 || document.visibilityState === 'hidden') return;
    markingRead = true;
    api.markRead().then(
      () => {
        markingRead = false;
        update(markRead(state, ids, new Date().toISOString()));
        maybeMarkRead(); // for messages that arrived meanwhile
      },
      () => {
        markingRead = false;
      },
    );
  }

  function deliver(clientId: string, content: string, attachments: readonly Attachment[] = []): void {
    const attachmentIds = attachments.map((attachment) => attachment.id);
    api.sendMessage(content, clientId, attachmentIds).then(
      (message) => merge([message], false),
      () => update(setSendStatus(state, clientId, 'failed')),
    );
  }

  async function refreshAvailability(): Promise<void> {
    try {
      availability = await api.fetchAvailability();
      render();
    } catch {
      // Unknown for now: the next reconnection or minute asks again.
    }
  }

  /** Loads the page before the oldest loaded message, keeping the reader's place. */
  async function loadOlder(): Promise<void> {
    const before = oldestConfirmedId(state);
    if (!canLoadOlder(history) || before === null) return;
    history = historyLoading(history);
    render();
    try {
      const page = await api.fetchOlder(before);
      history = historyAfterOlder(page.hasMore);
      view.keepingPlace(() => merge(page.messages, false));
    } catch {
      history = historyFailed(history);
    }
    render();
  }

  function rate(stars: number, comment: string | null): void {
    setRating(ratingSending(rating));
    api.rateChat(stars, comment).then(
      () => setRating(ratingSent(rating)),
      () => setRating(ratingFailed(rating)),
    );
  }

  function send(content: string, attachments: readonly Attachment[]): void {
    chime.unlock();
    typing.stop();
    setRating(noRating); // the server reactivates the chat
    const clientId = newClientId();
    const createdAt = new Date().toISOString();
    update(addPending(state, { clientId, content, senderType: 'USER', createdAt, attachments }));
    deliver(clientId, content, attachments);
  }

  /** Resends a failed message with the SAME clientId: the server cannot duplicate it. */
  function retry(clientId: string): void {
    const entry = findUnconfirmed(state, clientId);
    if (entry?.status !== 'failed') return;
    update(setSendStatus(state, clientId, 'pending'));
    deliver(clientId, entry.content, entry.attachments);
  }

  function setOpen(open: boolean): void {
    if (destroyed || open === isOpen) return;
    isOpen = open;
    render();
    maybeMarkRead();
    if (open) {
      // Archiving reaches the user by no live event: look when they come to see.
      void sync();
      void refreshAvailability();
    } else {
      typing.stop();
    }
  }

  const stopLive = connectLive(config.wsUrl, auth, {
    onStatus(isConnected) {
      if (destroyed || isConnected === connected) return;
      connected = isConnected;
      render();
      // Also fetch over HTTP: it brings read receipts (and an archiving) missed while offline.
      if (connected) {
        void sync();
        void refreshAvailability();
      }
    },
    onMessage: (message) => {
      merge([message], true);
      // A reply from support while it looked away: someone is there after all.
      if (message.senderType === 'ADMIN' && availability?.online === false) void refreshAvailability();
    },
    onRead: (messages) => update(applyReadReceipts(state, messages)),
    onTyping: (event) => supportTyping.event(event),
    resumeAfter: () => newestConfirmedSeq(state),
  });
  const poll = setInterval(() => {
    // Attachment links expire: fetch the newest page again for fresh ones before they do.
    const expiry = linksExpireAt(state.entries.slice(-HISTORY_PAGE));
    const linksExpiring = expiry !== null && expiry - LINK_REFRESH_MARGIN_MS < Date.now();
    if (!connected || linksExpiring) void sync();
  }, POLL_MS);
  const availabilityPoll = setInterval(() => {
    if (isOpen) void refreshAvailability();
  }, AVAILABILITY_MS);
  document.addEventListener('visibilitychange', maybeMarkRead);

  render();
  void sync();
  void refreshAvailability();

  return {
    host: view.host,
    open: () => setOpen(true),
    close: () => setOpen(false),
    destroy() {
      destroyed = true;
      clearInterval(poll);
      clearInterval(availabilityPoll);
      typing.stop();
      supportTyping.clear();
      stopLive();
      chime.close();
      document.removeEventListener('visibilitychange', maybeMarkRead);
      view.remove();
    },
  };
}
