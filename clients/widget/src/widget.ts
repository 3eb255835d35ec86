/**
 * One running widget: wires the pure chat state to the HTTP API, the live
 * WebSocket connection, the view and the chime.
 */
import {
  addPending,
  applyReadReceipts,
  emptyChatState,
  findUnconfirmed,
  mergeMessages,
  newestConfirmedSeq,
  setSendStatus,
  type ChatState,
} from '../../shared/src/chat';
import { newClientId } from '../../shared/src/clientId';
import { createApi } from './api';
import { createTokenSource } from './auth';
import type { Config } from './config';
import { markRead, seenKey, unreadAdminIds, unreadCount } from './receipts';
import { connectLive } from './socket';
import { createChime } from './sound';
import type { Message } from './types';
import { createView } from './view';

/** How often to poll over HTTP while the WebSocket is down. */
const POLL_MS = 5000;

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

  const view = createView(config, {
    toggle: () => {
      chime.unlock();
      setOpen(!isOpen);
    },
    close: () => setOpen(false),
    send,
    retry,
  });
  const chime = createChime(view.host);

  function render(): void {
    view.render({ entries: state.entries, seenKey: seenKey(state), unread, connected, open: isOpen });
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
    if (notify && added.some((entry) => entry.senderType === 'ADMIN')) chime.play();
    update(next);
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
        merge(await api.fetchMessages(), loaded);
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

  function deliver(clientId: string, content: string): void {
    api.sendMessage(content, clientId).then(
      (message) => merge([message], false),
      () => update(setSendStatus(state, clientId, 'failed')),
    );
  }

  function send(content: string): void {
    chime.unlock();
    const clientId = newClientId();
    update(addPending(state, { clientId, content, senderType: 'USER', createdAt: new Date().toISOString() }));
    deliver(clientId, content);
  }

  /** Resends a failed message with the SAME clientId: the server cannot duplicate it. */
  function retry(clientId: string): void {
    const entry = findUnconfirmed(state, clientId);
    if (entry?.status !== 'failed') return;
    update(setSendStatus(state, clientId, 'pending'));
    deliver(clientId, entry.content);
  }

  function setOpen(open: boolean): void {
    if (destroyed || open === isOpen) return;
    isOpen = open;
    render();
    maybeMarkRead();
  }

  const stopLive = connectLive(config.wsUrl, auth, {
    onStatus(isConnected) {
      if (destroyed || isConnected === connected) return;
      connected = isConnected;
      render();
      // Also fetch over HTTP: it brings read receipts missed while offline.
      if (connected) void sync();
    },
    onMessage: (message) => merge([message], true),
    onRead: (messages) => update(applyReadReceipts(state, messages)),
    resumeAfter: () => newestConfirmedSeq(state),
  });
  const poll = setInterval(() => {
    if (!connected) void sync();
  }, POLL_MS);
  document.addEventListener('visibilitychange', maybeMarkRead);

  render();
  void sync();

  return {
    host: view.host,
    open: () => setOpen(true),
    close: () => setOpen(false),
    destroy() {
      destroyed = true;
      clearInterval(poll);
      stopLive();
      chime.close();
      document.removeEventListener('visibilitychange', maybeMarkRead);
      view.remove();
    },
  };
}
