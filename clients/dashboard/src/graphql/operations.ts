// Every GraphQL document the dashboard sends, typed by result and variables.
import { gql } from '@urql/core';
import type {
  Chat,
  ChatConnection,
  Message,
  MessagePage,
  NewUserMessageEvent,
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
  { archived: boolean; first: number; after: string | null; search: string | null }
>`
  query Chats($archived: Boolean!, $first: Int!, $after: String, $search: String) {
    chats(archived: $archived, first: $first, after: $after, search: $search) {
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
