/** The message shape every operation selects, from the generated contract types. */
import type { Message as ContractMessage } from '../../shared/src/contract';

const MESSAGE_FIELD_NAMES = ['id', 'chatId', 'content', 'senderType', 'readAt', 'createdAt', 'clientId'] as const;

/** A `Message` as the widget's queries, mutations and subscriptions return it. */
export type Message = Pick<ContractMessage, (typeof MESSAGE_FIELD_NAMES)[number]> & {
  /** v2 (`Message.seq`; the generated contract types are still v1): the order and the resume point. */
  seq: number;
};

/** The fields every operation selects on `Message`. */
export const MESSAGE_FIELDS = [...MESSAGE_FIELD_NAMES, 'seq'].join(' ');
