/** What the chat state holds: one entry per message, confirmed or still being sent. */
import type { Attachment } from '../attachments';
import type { Message, SenderType } from '../contract';

/** The fields of a server `Message` the chat state reads (both clients select more). */
export type ServerMessage = Pick<Message, 'id' | 'clientId' | 'content' | 'senderType' | 'createdAt' | 'readAt' | 'seq'> & {
  readonly attachments?: readonly Attachment[];
  /** Who sent it, as the other side sees them (when the client selects it). */
  readonly senderName?: string | null;
};

export type DeliveryStatus = 'pending' | 'sent' | 'failed';

export interface ChatEntry {
  /** Stable render key: the clientId of a send made here, otherwise the id. */
  readonly key: string;
  /** Server id; null until the server confirmed the send. */
  readonly id: string | null;
  readonly clientId: string | null;
  /** The server's order of the chat; null until the server confirmed the send. */
  readonly seq: number | null;
  readonly content: string;
  readonly senderType: SenderType;
  readonly createdAt: string;
  readonly readAt: string | null;
  /** 'sent' exactly when the server confirmed it (id is set). */
  readonly status: DeliveryStatus;
  /** Files sent with it; absent means none. */
  readonly attachments?: readonly Attachment[];
  /** Who sent it, when known: the staff member who answered, or the user. */
  readonly senderName?: string | null;
}

/** One chat's messages in display order (see `compareEntries`). Never mutated. */
export interface ChatState {
  readonly entries: readonly ChatEntry[];
}

export const emptyChatState: ChatState = { entries: [] };
