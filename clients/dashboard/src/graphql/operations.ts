// Every GraphQL document the dashboard sends, typed by result and variables.
import { gql } from '@urql/core';
import type {
  AssigneeFilter,
  CannedReply,
  Chat,
  ChatConnection,
  Contact,
  Message,
  MessagePage,
  NewUserMessageEvent,
  Note,
  Staff,
  TypingEvent,
  Viewer,
} from './types';

const CHAT_FIELDS = gql`
  fragment ChatFields on Chat {
    id
    user {
      id
      email
      name
    }
    archived
    archivedAt
    lastMessageAt
    lastMessagePreview
    lastMessageSender
    messageCount
    unread
    createdAt
    lastSeq
    assignee {
      id
      email
      name
    }
    rating
    ratingComment
  }
`;

const MESSAGE_FIELDS = gql`
  fragment MessageFields on Message {
    id
    chatId
    content
    senderType
    readAt
    createdAt
    clientId
    seq
    attachments {
      id
      filename
      contentType
      size
      width
      height
      url
      thumbnailUrl
      urlExpiresAt
    }
    senderName
  }
`;

const NOTE_FIELDS = gql`
  fragment NoteFields on Note {
    id
    chatId
    content
    createdAt
    author {
      id
      email
      name
    }
  }
`;

const CANNED_REPLY_FIELDS = gql`
  fragment CannedReplyFields on CannedReply {
    id
    shortcut
    title
    content
  }
`;

export const LOGIN = gql<
  { login: { token: string; viewer: Viewer } },
  { email: string; password: string }
>`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
      viewer {
        id
        role
        email
        name
      }
    }
  }
`;

export const LOGOUT = gql<{ logout: boolean }, Record<string, never>>`
  mutation Logout {
    logout
  }
`;

export const CHATS = gql<
  { chats: ChatConnection },
  {
    archived: boolean;
    first: number;
    after: string | null;
    search: string | null;
    assignee: AssigneeFilter;
  }
>`
  query Chats(
    $archived: Boolean!
    $first: Int!
    $after: String
    $search: String
    $assignee: AssigneeFilter!
  ) {
    chats(archived: $archived, first: $first, after: $after, search: $search, assignee: $assignee) {
      edges {
        cursor
        node {
          ...ChatFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
  ${CHAT_FIELDS}
`;

export const CHAT_SUMMARY = gql<{ chat: Chat | null }, { id: string }>`
  query ChatSummary($id: ID!) {
    chat(id: $id) {
      ...ChatFields
    }
  }
  ${CHAT_FIELDS}
`;

export const CHAT_MESSAGES = gql<
  { chat: (Chat & { messages: MessagePage }) | null },
  { id: string; last: number; before: string | null }
>`
  query ChatMessages($id: ID!, $last: Int!, $before: ID) {
    chat(id: $id) {
      ...ChatFields
      messages(last: $last, before: $before) {
        nodes {
          ...MessageFields
        }
        hasMore
      }
    }
  }
  ${CHAT_FIELDS}
  ${MESSAGE_FIELDS}
`;

export const SEND_MESSAGE = gql<
  { sendMessage: Message },
  { chatId: string; content: string; clientId: string; attachmentIds: string[] | null }
>`
  mutation SendMessage($chatId: ID!, $content: String!, $clientId: String!, $attachmentIds: [ID!]) {
    sendMessage(chatId: $chatId, content: $content, clientId: $clientId, attachmentIds: $attachmentIds) {
      ...MessageFields
    }
  }
  ${MESSAGE_FIELDS}
`;

export const MARK_READ = gql<{ markRead: Chat }, { chatId: string }>`
  mutation MarkRead($chatId: ID!) {
    markRead(chatId: $chatId) {
      ...ChatFields
    }
  }
  ${CHAT_FIELDS}
`;

export const ARCHIVE_CHAT = gql<{ archiveChat: Chat }, { chatId: string }>`
  mutation ArchiveChat($chatId: ID!) {
    archiveChat(chatId: $chatId) {
      ...ChatFields
    }
  }
  ${CHAT_FIELDS}
`;

export const UNARCHIVE_CHAT = gql<{ unarchiveChat: Chat }, { chatId: string }>`
  mutation UnarchiveChat($chatId: ID!) {
    unarchiveChat(chatId: $chatId) {
      ...ChatFields
    }
  }
  ${CHAT_FIELDS}
`;

export const CHAT_UPDATED = gql<{ chatUpdated: Chat }, Record<string, never>>`
  subscription ChatUpdated {
    chatUpdated {
      ...ChatFields
    }
  }
  ${CHAT_FIELDS}
`;

export const NEW_USER_MESSAGE = gql<
  { newUserMessage: NewUserMessageEvent },
  { after: string | null }
>`
  subscription NewUserMessage($after: String) {
    newUserMessage(after: $after) {
      chatId
      userEmail
      cursor
      message {
        ...MessageFields
      }
    }
  }
  ${MESSAGE_FIELDS}
`;

export const MESSAGE_ADDED = gql<
  { messageAdded: Message },
  { chatId: string; afterSeq: number | null }
>`
  subscription MessageAdded($chatId: ID!, $afterSeq: Int) {
    messageAdded(chatId: $chatId, afterSeq: $afterSeq) {
      ...MessageFields
    }
  }
  ${MESSAGE_FIELDS}
`;

export const MESSAGES_READ = gql<{ messagesRead: Message[] }, { chatId: string }>`
  subscription MessagesRead($chatId: ID!) {
    messagesRead(chatId: $chatId) {
      ...MessageFields
    }
  }
  ${MESSAGE_FIELDS}
`;

export const CONTACT = gql<
  { chat: { id: string; user: Contact } | null },
  { id: string }
>`
  query Contact($id: ID!) {
    chat(id: $id) {
      id
      user {
        id
        externalId
        email
        name
        firstSeenAt
        attributes {
          key
          value
        }
      }
    }
  }
`;

export const STAFF = gql<{ staff: Staff[] }, Record<string, never>>`
  query Staff {
    staff {
      id
      email
      name
      online
    }
  }
`;

export const ASSIGN_CHAT = gql<{ assignChat: Chat }, { chatId: string; staffId: string | null }>`
  mutation AssignChat($chatId: ID!, $staffId: ID) {
    assignChat(chatId: $chatId, staffId: $staffId) {
      ...ChatFields
    }
  }
  ${CHAT_FIELDS}
`;

export const CHAT_NOTES = gql<{ chat: { id: string; notes: Note[] } | null }, { id: string }>`
  query ChatNotes($id: ID!) {
    chat(id: $id) {
      id
      notes {
        ...NoteFields
      }
    }
  }
  ${NOTE_FIELDS}
`;

export const ADD_NOTE = gql<{ addNote: Note }, { chatId: string; content: string }>`
  mutation AddNote($chatId: ID!, $content: String!) {
    addNote(chatId: $chatId, content: $content) {
      ...NoteFields
    }
  }
  ${NOTE_FIELDS}
`;

export const NOTE_ADDED = gql<{ noteAdded: Note }, { chatId: string }>`
  subscription NoteAdded($chatId: ID!) {
    noteAdded(chatId: $chatId) {
      ...NoteFields
    }
  }
  ${NOTE_FIELDS}
`;

export const CANNED_REPLIES = gql<{ cannedReplies: CannedReply[] }, Record<string, never>>`
  query CannedReplies {
    cannedReplies {
      ...CannedReplyFields
    }
  }
  ${CANNED_REPLY_FIELDS}
`;

export const SAVE_CANNED_REPLY = gql<
  { saveCannedReply: CannedReply },
  { id: string | null; shortcut: string; title: string; content: string }
>`
  mutation SaveCannedReply($id: ID, $shortcut: String!, $title: String!, $content: String!) {
    saveCannedReply(id: $id, shortcut: $shortcut, title: $title, content: $content) {
      ...CannedReplyFields
    }
  }
  ${CANNED_REPLY_FIELDS}
`;

export const DELETE_CANNED_REPLY = gql<{ deleteCannedReply: boolean }, { id: string }>`
  mutation DeleteCannedReply($id: ID!) {
    deleteCannedReply(id: $id)
  }
`;

export const SET_TYPING = gql<{ setTyping: boolean }, { chatId: string; typing: boolean }>`
  mutation SetTyping($chatId: ID!, $typing: Boolean!) {
    setTyping(chatId: $chatId, typing: $typing)
  }
`;

export const TYPING = gql<{ typing: TypingEvent }, { chatId: string | null }>`
  subscription Typing($chatId: ID) {
    typing(chatId: $chatId) {
      chatId
      senderType
      name
      typing
    }
  }
`;

/** Not in the contract (inbox-api's addition): every inbox chat with unread user messages. */
export const UNREAD_CHAT_COUNT = gql<{ unreadChatCount: number }, Record<string, never>>`
  query UnreadChatCount {
    unreadChatCount
  }
`;
