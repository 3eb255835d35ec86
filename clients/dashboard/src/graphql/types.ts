// The API objects as the dashboard's operations select them (operations.ts), picked from
// the types generated from contract/schema.graphql. `contract.ts` is still generated from
// contract v1; the v2 additions the dashboard uses are written out below until it is
// generated from v2 (/work/shared/contract/schema.graphql names them).
import type * as Contract from '../../../shared/src/contract';
import type { AssigneeFilter } from '../lib/route';

export type { AssigneeFilter };

export type Viewer = Pick<Contract.Viewer, 'id' | 'role' | 'email' | 'name'>;

export type SupportUser = Pick<Contract.SupportUser, 'id' | 'email' | 'name'>;

/** v2 `Staff`: a staff member as other staff see them. */
export interface Staff {
  id: string;
  email: string;
  name: string | null;
  /** Has the dashboard open now. */
  online: boolean;
}

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
> & {
  user: SupportUser;
  /** v2: null = unassigned. */
  assignee: Assignee | null;
  /** v2: the user's 1-5 rating after the chat was archived, if given. */
  rating: number | null;
  ratingComment: string | null;
};

/** A custom attribute from the host app's token (not in the contract: inbox-api's addition). */
export interface UserAttribute {
  key: string;
  value: string;
}

/** The contact panel's user (`ContactFields`). */
export type Contact = SupportUser & {
  /** v2 contract. */
  externalId: string;
  /** Not in the contract (inbox-api's addition): when the user first opened the chat. */
  firstSeenAt: string | null;
  /** Not in the contract (inbox-api's addition). */
  attributes: UserAttribute[];
};

/** `MessageFields`. */
export type Message = Pick<
  Contract.Message,
  'id' | 'chatId' | 'content' | 'senderType' | 'readAt' | 'createdAt' | 'clientId'
> & {
  /** v2: ADMIN: the staff member's name; USER: the user's name. */
  senderName: string | null;
};

/** v2 `Note`: staff-only text on a chat. */
export interface Note {
  id: string;
  chatId: string;
  content: string;
  author: Assignee;
  createdAt: string;
}

/** v2 `CannedReply`: a saved reply, shared by all staff. */
export interface CannedReply {
  id: string;
  shortcut: string;
  title: string;
  content: string;
}

/** v2 `TypingEvent`. */
export interface TypingEvent {
  chatId: string;
  senderType: Contract.SenderType;
  name: string | null;
  typing: boolean;
}

export type MessagePage = Pick<Contract.MessagePage, 'hasMore'> & { nodes: Message[] };

export type PageInfo = Pick<Contract.PageInfo, 'hasNextPage' | 'endCursor'>;

export type ChatConnection = {
  edges: (Pick<Contract.ChatEdge, 'cursor'> & { node: Chat })[];
  pageInfo: PageInfo;
};

export type NewUserMessageEvent = Pick<Contract.NewUserMessageEvent, 'chatId' | 'userEmail'> & {
  message: Message;
};
