// The API objects as the dashboard's operations select them (operations.ts), picked from
// the types generated from contract/schema.graphql.
import type { Attachment } from '../../../shared/src/attachments';
import type * as Contract from '../../../shared/src/contract';
import type { AssigneeFilter } from '../lib/route';

export type { AssigneeFilter };

export type Viewer = Pick<Contract.Viewer, 'id' | 'role' | 'email' | 'name'>;

export type SupportUser = Pick<Contract.SupportUser, 'id' | 'email' | 'name'>;

/** A staff member as other staff see them; `online`: has the dashboard open now. */
export type Staff = Pick<Contract.Staff, 'id' | 'email' | 'name' | 'online'>;

/** The assignee as the chat list shows it (`Staff` without presence). */
export type Assignee = Pick<Staff, 'id' | 'email' | 'name'>;

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
  | 'rating'
  | 'ratingComment'
> & {
  user: SupportUser;
  /** null = unassigned. */
  assignee: Assignee | null;
};

/** A custom attribute from the host app's token (not in the contract: the API's addition). */
export interface UserAttribute {
  key: string;
  value: string;
}

/** The contact panel's user (`ContactFields`). */
export type Contact = SupportUser &
  Pick<Contract.SupportUser, 'externalId'> & {
    /** Not in the contract (the API's addition): when the user first opened the chat. */
    firstSeenAt: string | null;
    /** Not in the contract (the API's addition). */
    attributes: UserAttribute[];
  };

/** `MessageFields`; `senderName`: ADMIN: the staff member's name; USER: the user's name. */
export type Message = Pick<
  Contract.Message,
  'id' | 'chatId' | 'content' | 'senderType' | 'readAt' | 'createdAt' | 'clientId' | 'seq' | 'senderName'
> & {
  attachments?: readonly Attachment[];
};

/** Staff-only text on a chat. */
export type Note = Pick<Contract.Note, 'id' | 'chatId' | 'content' | 'createdAt'> & {
  author: Assignee;
};

/** A saved reply, shared by all staff. */
export type CannedReply = Pick<Contract.CannedReply, 'id' | 'shortcut' | 'title' | 'content'>;

export type TypingEvent = Pick<Contract.TypingEvent, 'chatId' | 'senderType' | 'name' | 'typing'>;

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
