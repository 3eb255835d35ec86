/** The message shape every operation selects, from the generated contract types. */
import { ATTACHMENT_FIELDS, type Attachment } from '../../shared/src/attachments';
import type { Message as ContractMessage } from '../../shared/src/contract';

const MESSAGE_FIELD_NAMES = ['id', 'chatId', 'content', 'senderType', 'readAt', 'createdAt', 'clientId', 'seq', 'senderName'] as const;

/** A `Message` as the widget's queries, mutations and subscriptions return it. */
export type Message = Pick<ContractMessage, (typeof MESSAGE_FIELD_NAMES)[number]> & {
  readonly attachments?: readonly Attachment[];
};

/** The fields every operation selects on `Message`. */
export const MESSAGE_FIELDS = `${MESSAGE_FIELD_NAMES.join(' ')} attachments { ${ATTACHMENT_FIELDS} }`;
