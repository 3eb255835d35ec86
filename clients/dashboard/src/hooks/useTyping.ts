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

/** Follows users typing in any chat (`typing` without a chatId, as staff). */
export function useTypingState(reconnects: number): TypingUsers {
  const client = useClient();
  const [typing, setTyping] = useState<TypingUsers>({});

  useEffect(() => {
    const timers = new Map<string, ReturnType<typeof setTimeout>>();
    const stop = (chatId: string): void => {
      clearTimeout(timers.get(chatId));
      timers.delete(chatId);
      setTyping(({ [chatId]: _stopped, ...others }) => others);
    };
    const subscription = client.subscription(TYPING, { chatId: null }).subscribe(({ data }) => {
      const event = data?.typing;
      if (!event || event.senderType !== 'USER') return;
      if (!event.typing) {
        stop(event.chatId);
        return;
      }
      clearTimeout(timers.get(event.chatId));
      timers.set(
        event.chatId,
        setTimeout(() => stop(event.chatId), TYPING_EXPIRES_MS),
      );
      setTyping((current) => ({ ...current, [event.chatId]: event.name }));
    });
    return () => {
      subscription.unsubscribe();
      for (const timer of timers.values()) clearTimeout(timer);
    };
  }, [client, reconnects]);

  return typing;
}

/** "Ann is typing…" (or "The user is typing…" without a name). */
export function typingLabel(name: string | null): string {
  return `${name ?? 'The user'} is typing…`;
}
