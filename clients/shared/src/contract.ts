// GENERATED from contract/schema.graphql by `npm run codegen` in clients/shared
// (scripts/codegen.mjs, @graphql-codegen/typescript). Do not edit: change the
// schema and regenerate; `npm test` fails while this file is out of date.

export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  DateTime: { input: string; output: string; }
};

export type SenderType =
  | 'USER'
  | 'ADMIN';

export type Role =
  | 'USER'
  | 'ADMIN'
  | 'INTEGRATION';

export type Viewer = {
  id: Scalars['ID']['output'];
  role: Role;
  email: Maybe<Scalars['String']['output']>;
  name: Maybe<Scalars['String']['output']>;
};

export type SupportUser = {
  id: Scalars['ID']['output'];
  externalId: Scalars['String']['output'];
  email: Scalars['String']['output'];
  name: Maybe<Scalars['String']['output']>;
};

export type Message = {
  id: Scalars['ID']['output'];
  chatId: Scalars['ID']['output'];
  content: Scalars['String']['output'];
  senderType: SenderType;
  readAt: Maybe<Scalars['DateTime']['output']>;
  createdAt: Scalars['DateTime']['output'];
  clientId: Maybe<Scalars['String']['output']>;
};

export type MessagePage = {
  nodes: Array<Message>;
  hasMore: Scalars['Boolean']['output'];
};

export type Chat = {
  id: Scalars['ID']['output'];
  user: SupportUser;
  archived: Scalars['Boolean']['output'];
  archivedAt: Maybe<Scalars['DateTime']['output']>;
  lastMessageAt: Maybe<Scalars['DateTime']['output']>;
  lastMessagePreview: Maybe<Scalars['String']['output']>;
  lastMessageSender: Maybe<SenderType>;
  messageCount: Scalars['Int']['output'];
  unread: Scalars['Boolean']['output'];
  unreadCount: Scalars['Int']['output'];
  createdAt: Scalars['DateTime']['output'];
  messages: MessagePage;
};


export type ChatMessagesArgs = {
  last?: InputMaybe<Scalars['Int']['input']>;
  before?: InputMaybe<Scalars['ID']['input']>;
  after?: InputMaybe<Scalars['ID']['input']>;
};

export type ChatEdge = {
  cursor: Scalars['String']['output'];
  node: Chat;
};

export type PageInfo = {
  hasNextPage: Scalars['Boolean']['output'];
  endCursor: Maybe<Scalars['String']['output']>;
};

export type ChatConnection = {
  edges: Array<ChatEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type AuthPayload = {
  token: Scalars['String']['output'];
  viewer: Viewer;
};

export type NewUserMessageEvent = {
  chatId: Scalars['ID']['output'];
  userEmail: Scalars['String']['output'];
  message: Message;
};

export type Query = {
  viewer: Viewer;
  chat: Maybe<Chat>;
  chats: ChatConnection;
};


export type QueryChatArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryChatsArgs = {
  archived?: Scalars['Boolean']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};

export type Mutation = {
  login: AuthPayload;
  sendMessage: Message;
  markRead: Chat;
  archiveChat: Chat;
  unarchiveChat: Chat;
};


export type MutationLoginArgs = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};


export type MutationSendMessageArgs = {
  content: Scalars['String']['input'];
  chatId?: InputMaybe<Scalars['ID']['input']>;
  clientId?: InputMaybe<Scalars['String']['input']>;
};


export type MutationMarkReadArgs = {
  chatId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationArchiveChatArgs = {
  chatId: Scalars['ID']['input'];
};


export type MutationUnarchiveChatArgs = {
  chatId: Scalars['ID']['input'];
};

export type Subscription = {
  messageAdded: Message;
  newUserMessage: NewUserMessageEvent;
  chatUpdated: Chat;
  messagesRead: Array<Message>;
};


export type SubscriptionMessageAddedArgs = {
  chatId?: InputMaybe<Scalars['ID']['input']>;
  after?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionMessagesReadArgs = {
  chatId?: InputMaybe<Scalars['ID']['input']>;
};
