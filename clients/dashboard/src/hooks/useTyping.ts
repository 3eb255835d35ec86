import { useClient } from '@urql/preact';
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
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

/** Follows users typing in every chat: staff's `typing` without a chatId. */
export function useTypingState(reconnects: number): TypingUsers {
  const client = useClient();
  const [typing, setTyping] = useState<TypingUsers>({});

  useEffect(() => {
    const expiries = new Map<string, ReturnType<typeof setTimeout>>();
    const stop = (chatId: string): void => {
      clearTimeout(expiries.get(chatId));
      expiries.delete(chatId);
      setTyping((users) => {
        if (!(chatId in users)) return users;
        const { [chatId]: _stopped, ...others } = users;
        return others;
      });
    };
    const subscription = client.subscription(TYPING, { chatId: null }).subscribe(({ data }) => {
      const event = data?.typing;
      if (!event || event.senderType !== 'USER') return;
      if (!event.typing) return stop(event.chatId);
      clearTimeout(expiries.get(event.chatId));
      expiries.set(
        event.chatId,
        setTimeout(() => stop(event.chatId), TYPING_EXPIRES_MS),
      );
      setTyping((users) => ({ ...users, [event.chatId]: event.name }));
    });
    return () => {
      subscription.unsubscribe();
      for (const expiry of expiries.values()) clearTimeout(expiry);
      setTyping({});
    };
  }, [client, reconnects]);

  return typing;
}

/** "Ann is typing…" (or "The user is typing…" without a name). */
export function typingLabel(name: string | null): string {
  return `${name ?? 'The user'} is typing…`;
}
