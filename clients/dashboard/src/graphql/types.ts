// The API objects as the dashboard's operations select them (operations.ts), picked from
// the types generated from contract/schema.graphql.
import type { Attachment } from '../../../shared/src/attachments';
import type * as Contract from '../../../shared/src/contract';

export type Viewer = Pick<Contract.Viewer, 'id' | 'role' | 'email' | 'name'>;

export type SupportUser = Pick<Contract.SupportUser, 'id' | 'email' | 'name'>;

/** The chat summary shown in the list and the chat view header (`ChatFields`). */
export type Chat = Pick<
  Contract.Chat,
  | 'id'
  | 'archived'
  | 'archivedAt'
  | 'lastMessageAt'
  | 'lastMessagePreview'
  | 'lastMessageSender'
  | 'messageCount'
  | 'unread'
  | 'createdAt'
  | 'lastSeq'
> & {
  user: SupportUser;
};

/** `MessageFields`. */
export type Message = Pick<
  Contract.Message,
  'id' | 'chatId' | 'content' | 'senderType' | 'readAt' | 'createdAt' | 'clientId' | 'seq'
> & {
  attachments?: readonly Attachment[];
};

export type MessagePage = Pick<Contract.MessagePage, 'hasMore'> & { nodes: Message[] };

export type PageInfo = Pick<Contract.PageInfo, 'hasNextPage' | 'endCursor'>;

export type ChatConnection = {
  edges: (Pick<Contract.ChatEdge, 'cursor'> & { node: Chat })[];
  pageInfo: PageInfo;
};

/** `cursor`: `newUserMessage(after:)` resumes after this event. */
export type NewUserMessageEvent = Pick<Contract.NewUserMessageEvent, 'chatId' | 'userEmail' | 'cursor'> & {
  message: Message;
};
