"""The GraphQL documents the tests send, as the clients would."""

MESSAGE_FIELDS = "id chatId content senderType readAt createdAt clientId seq"

MY_CHAT = f"""
query {{ chat {{ id archived unread unreadCount messageCount lastMessagePreview lastMessageSender
  user {{ externalId email name }}
  messages(last: 50) {{ hasMore nodes {{ {MESSAGE_FIELDS} }} }} }} }}"""

CHAT = f"""
query($id: ID!) {{ chat(id: $id) {{ id archived archivedAt unread unreadCount messageCount lastSeq
  lastMessageAt lastMessagePreview lastMessageSender user {{ email }}
  messages(last: 50) {{ hasMore nodes {{ {MESSAGE_FIELDS} }} }} }} }}"""

MESSAGES = f"""
query($id: ID, $last: Int, $before: ID, $after: ID) {{ chat(id: $id) {{
  messages(last: $last, before: $before, after: $after) {{
    hasMore nodes {{ {MESSAGE_FIELDS} }} }} }} }}"""

CHATS = """
query($archived: Boolean!, $first: Int, $after: String, $search: String) {
  chats(archived: $archived, first: $first, after: $after, search: $search) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id archived unread unreadCount messageCount lastMessagePreview
      lastMessageSender user { email } } } } }"""

SEND = f"""
mutation($content: String!, $chatId: ID, $clientId: String) {{
  sendMessage(content: $content, chatId: $chatId, clientId: $clientId) {{ {MESSAGE_FIELDS} }} }}"""

MARK_READ = "mutation($chatId: ID) { markRead(chatId: $chatId) { id unread unreadCount } }"
ARCHIVE = "mutation($chatId: ID!) { archiveChat(chatId: $chatId) { id archived archivedAt } }"
UNARCHIVE = "mutation($chatId: ID!) { unarchiveChat(chatId: $chatId) { id archived archivedAt } }"
VIEWER = "query { viewer { id role email name } }"

MESSAGE_ADDED = f"""
subscription($chatId: ID, $after: ID, $afterSeq: Int) {{
  messageAdded(chatId: $chatId, after: $after, afterSeq: $afterSeq) {{ {MESSAGE_FIELDS} }} }}"""
NEW_USER_MESSAGE = f"""
subscription($after: String) {{ newUserMessage(after: $after) {{
  chatId userEmail cursor message {{ {MESSAGE_FIELDS} }} }} }}"""
CHAT_UPDATED = """
subscription { chatUpdated { id archived unread unreadCount messageCount lastMessagePreview
  lastSeq } }"""
MESSAGES_READ = (
    "subscription($chatId: ID) { messagesRead(chatId: $chatId) { id readAt senderType } }"
)
