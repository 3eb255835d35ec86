import { useClient } from '@urql/preact';
import { createContext } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { TYPING } from '../graphql/operations';

/**
 * How long a "typing" lasts without a renewal: the sender repeats `true` every few seconds
 * while typing, so a lost `false` (a closed tab) clears itself.
 */
const TYPING_EXPIRES_MS = 8_000;

/** Who is typing (the user's name, or null for an unnamed user) by chat id. */
export type TypingUsers = Readonly<Record<string, string | null>>;

export const TypingContext = createContext<TypingUsers>({});

export function useTypingUsers(): TypingUsers {
  return useContext(TypingContext);
}

interface Followed {
  unsubscribe: () => void;
  expiry: ReturnType<typeof setTimeout> | null;
}

/**
 * Follows the user typing in each of `chatIds` (one `typing(chatId)` subscription per chat,
 * over the one WebSocket), added and dropped as the list changes, all renewed after a
 * reconnect.
 */
export function useTypingState(chatIds: readonly string[], reconnects: number): TypingUsers {
  const client = useClient();
  const [typing, setTyping] = useState<TypingUsers>({});
  const followed = useRef(new Map<string, Followed>());
  const followedSince = useRef(reconnects);
  const wanted = [...new Set(chatIds)].sort().join(' ');

  useEffect(() => {
    const current = followed.current;
    const ids = new Set(wanted ? wanted.split(' ') : []);
    const stop = (chatId: string): void => {
      const entry = current.get(chatId);
      if (entry?.expiry) clearTimeout(entry.expiry);
      if (entry) entry.expiry = null;
      setTyping((users) => {
        if (!(chatId in users)) return users;
        const { [chatId]: _stopped, ...others } = users;
        return others;
      });
    };
    const forget = (chatId: string): void => {
      stop(chatId);
      current.get(chatId)?.unsubscribe();
      current.delete(chatId);
    };
    const reconnected = followedSince.current !== reconnects;
    followedSince.current = reconnects;
    for (const chatId of [...current.keys()]) if (reconnected || !ids.has(chatId)) forget(chatId);
    for (const chatId of ids) {
      if (current.has(chatId)) continue;
      const entry: Followed = { unsubscribe: () => undefined, expiry: null };
      current.set(chatId, entry);
      entry.unsubscribe = client.subscription(TYPING, { chatId }).subscribe(({ data }) => {
        const event = data?.typing;
        if (!event || event.senderType !== 'USER') return;
        if (!event.typing) return stop(chatId);
        if (entry.expiry) clearTimeout(entry.expiry);
        entry.expiry = setTimeout(() => stop(chatId), TYPING_EXPIRES_MS);
        setTyping((users) => ({ ...users, [chatId]: event.name }));
      }).unsubscribe;
    }
  }, [client, wanted, reconnects]);

  useEffect(() => {
    const current = followed.current;
    return () => {
      for (const entry of current.values()) {
        entry.unsubscribe();
        if (entry.expiry) clearTimeout(entry.expiry);
      }
      current.clear();
    };
  }, []);

  return typing;
}

/** "Ann is typing…" (or "The user is typing…" without a name). */
export function typingLabel(name: string | null): string {
  return `${name ?? 'The user'} is typing…`;
}
