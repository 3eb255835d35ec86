/** The message shape every operation selects, from the generated contract types. */
import type { Message as ContractMessage } from '../../shared/src/contract';

const MESSAGE_FIELD_NAMES = ['id', 'chatId', 'content', 'senderType', 'readAt', 'createdAt', 'clientId'] as const;

/** A `Message` as the widget's queries, mutations and subscriptions return it. */
export type Message = Pick<ContractMessage, (typeof MESSAGE_FIELD_NAMES)[number]>;

/** The fields every operation selects on `Message`. */
export const MESSAGE_FIELDS = MESSAGE_FIELD_NAMES.join(' ');
