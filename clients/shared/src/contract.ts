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
  Upload: { input: unknown; output: unknown; }
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
  seq: Scalars['Int']['output'];
  senderName: Maybe<Scalars['String']['output']>;
  attachments: Array<Attachment>;
};

export type Attachment = {
  id: Scalars['ID']['output'];
  filename: Scalars['String']['output'];
  contentType: Scalars['String']['output'];
  size: Scalars['Int']['output'];
  width: Maybe<Scalars['Int']['output']>;
  height: Maybe<Scalars['Int']['output']>;
  url: Scalars['String']['output'];
  thumbnailUrl: Maybe<Scalars['String']['output']>;
  urlExpiresAt: Scalars['DateTime']['output'];
};

export type Staff = {
  id: Scalars['ID']['output'];
  email: Scalars['String']['output'];
  name: Maybe<Scalars['String']['output']>;
  online: Scalars['Boolean']['output'];
};

export type Note = {
  id: Scalars['ID']['output'];
  chatId: Scalars['ID']['output'];
  content: Scalars['String']['output'];
  author: Staff;
  createdAt: Scalars['DateTime']['output'];
};

export type CannedReply = {
  id: Scalars['ID']['output'];
  shortcut: Scalars['String']['output'];
  title: Scalars['String']['output'];
  content: Scalars['String']['output'];
};

export type TypingEvent = {
  chatId: Scalars['ID']['output'];
  senderType: SenderType;
  name: Maybe<Scalars['String']['output']>;
  typing: Scalars['Boolean']['output'];
};

export type Availability = {
  online: Scalars['Boolean']['output'];
  message: Maybe<Scalars['String']['output']>;
};

export type AssigneeFilter =
  | 'ANYONE'
  | 'ME'
  | 'NOBODY';

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
  lastSeq: Scalars['Int']['output'];
  assignee: Maybe<Staff>;
  notes: Array<Note>;
  rating: Maybe<Scalars['Int']['output']>;
  ratingComment: Maybe<Scalars['String']['output']>;
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
  cursor: Scalars['String']['output'];
};

export type Query = {
  viewer: Viewer;
  chat: Maybe<Chat>;
  chats: ChatConnection;
  staff: Array<Staff>;
  cannedReplies: Array<CannedReply>;
  availability: Availability;
};


export type QueryChatArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryChatsArgs = {
  archived?: Scalars['Boolean']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
  assignee?: InputMaybe<AssigneeFilter>;
};


export type QueryCannedRepliesArgs = {
  search?: InputMaybe<Scalars['String']['input']>;
};

export type Mutation = {
  login: AuthPayload;
  sendMessage: Message;
  markRead: Chat;
  archiveChat: Chat;
  unarchiveChat: Chat;
  logout: Scalars['Boolean']['output'];
  uploadAttachment: Attachment;
  assignChat: Chat;
  addNote: Note;
  saveCannedReply: CannedReply;
  deleteCannedReply: Scalars['Boolean']['output'];
  setTyping: Scalars['Boolean']['output'];
  rateChat: Chat;
};


export type MutationLoginArgs = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};


export type MutationSendMessageArgs = {
  content: Scalars['String']['input'];
  chatId?: InputMaybe<Scalars['ID']['input']>;
  clientId?: InputMaybe<Scalars['String']['input']>;
  attachmentIds?: InputMaybe<Array<Scalars['ID']['input']>>;
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


export type MutationUploadAttachmentArgs = {
  file: Scalars['Upload']['input'];
  chatId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationAssignChatArgs = {
  chatId: Scalars['ID']['input'];
  staffId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationAddNoteArgs = {
  chatId: Scalars['ID']['input'];
  content: Scalars['String']['input'];
};


export type MutationSaveCannedReplyArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  shortcut: Scalars['String']['input'];
  title: Scalars['String']['input'];
  content: Scalars['String']['input'];
};


export type MutationDeleteCannedReplyArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSetTypingArgs = {
  chatId?: InputMaybe<Scalars['ID']['input']>;
  typing?: Scalars['Boolean']['input'];
};


export type MutationRateChatArgs = {
  rating: Scalars['Int']['input'];
  comment?: InputMaybe<Scalars['String']['input']>;
};

export type Subscription = {
  messageAdded: Message;
  newUserMessage: NewUserMessageEvent;
  chatUpdated: Chat;
  messagesRead: Array<Message>;
  typing: TypingEvent;
  noteAdded: Note;
};


export type SubscriptionMessageAddedArgs = {
  chatId?: InputMaybe<Scalars['ID']['input']>;
  after?: InputMaybe<Scalars['ID']['input']>;
  afterSeq?: InputMaybe<Scalars['Int']['input']>;
};


export type SubscriptionNewUserMessageArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
};


export type SubscriptionMessagesReadArgs = {
  chatId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionTypingArgs = {
  chatId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionNoteAddedArgs = {
  chatId: Scalars['ID']['input'];
};
