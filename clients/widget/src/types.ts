/** Shapes shared by the transport, the state logic and the view. */

export type SenderType = 'USER' | 'ADMIN';

/** A `Message` as the GraphQL API returns it. */
export interface Message {
  id: string;
  chatId: string;
  content: string;
  senderType: SenderType;
  readAt: string | null;
  createdAt: string;
  clientId: string | null;
}

/** The fields every operation selects on `Message`. */
export const MESSAGE_FIELDS = 'id chatId content senderType readAt createdAt clientId';
