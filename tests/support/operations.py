"""The GraphQL documents the tests send, as the clients would."""

MESSAGE_FIELDS = "id chatId content senderType readAt createdAt clientId"

MY_CHAT = f"""
query {{ chat {{ id archived unread unreadCount messageCount lastMessagePreview lastMessageSender
  user {{ externalId email name }}
  messages(last: 50) {{ hasMore nodes {{ {MESSAGE_FIELDS} }} }} }} }}"""

CHAT = f"""
query($id: ID!) {{ chat(id: $id) {{ id archived archivedAt unread unreadCount messageCount
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
subscription($chatId: ID, $after: ID) {{
  messageAdded(chatId: $chatId, after: $after) {{ {MESSAGE_FIELDS} }} }}"""
NEW_USER_MESSAGE = f"""
subscription {{ newUserMessage {{ chatId userEmail message {{ {MESSAGE_FIELDS} }} }} }}"""
CHAT_UPDATED = """
subscription { chatUpdated { id archived unread unreadCount messageCount lastMessagePreview } }"""
MESSAGES_READ = (
    "subscription($chatId: ID) { messagesRead(chatId: $chatId) { id readAt senderType } }"
)

# The shared inbox (contract v2, issues 15 and 17).
STAFF_FIELDS = "id email name online"
STAFF = f"query {{ staff {{ {STAFF_FIELDS} }} }}"
AVAILABILITY = "query { availability { online message } }"
UNREAD_CHAT_COUNT = "query { unreadChatCount }"
INBOX = f"""
query($archived: Boolean! = false, $assignee: AssigneeFilter, $search: String) {{
  chats(archived: $archived, assignee: $assignee, search: $search, first: 200) {{
    totalCount edges {{ node {{ id messageCount assignee {{ {STAFF_FIELDS} }} }} }} }} }}"""
ASSIGN = f"""
mutation($chatId: ID!, $staffId: ID) {{
  assignChat(chatId: $chatId, staffId: $staffId) {{ id assignee {{ {STAFF_FIELDS} }} }} }}"""
CHAT_ASSIGNEE = f"query($id: ID) {{ chat(id: $id) {{ id assignee {{ {STAFF_FIELDS} }} }} }}"
NOTE_FIELDS = f"id chatId content createdAt author {{ {STAFF_FIELDS} }}"
ADD_NOTE = f"""
mutation($chatId: ID!, $content: String!) {{
  addNote(chatId: $chatId, content: $content) {{ {NOTE_FIELDS} }} }}"""
NOTES = f"query($id: ID) {{ chat(id: $id) {{ id notes {{ {NOTE_FIELDS} }} }} }}"
NOTE_ADDED = f"subscription($chatId: ID!) {{ noteAdded(chatId: $chatId) {{ {NOTE_FIELDS} }} }}"
CANNED_FIELDS = "id shortcut title content"
CANNED_REPLIES = (
    f"query($search: String) {{ cannedReplies(search: $search) {{ {CANNED_FIELDS} }} }}"
)
SAVE_CANNED_REPLY = f"""
mutation($id: ID, $shortcut: String!, $title: String!, $content: String!) {{
  saveCannedReply(id: $id, shortcut: $shortcut, title: $title, content: $content) {{
    {CANNED_FIELDS} }} }}"""
DELETE_CANNED_REPLY = "mutation($id: ID!) { deleteCannedReply(id: $id) }"
SET_TYPING = (
    "mutation($chatId: ID, $typing: Boolean!) { setTyping(chatId: $chatId, typing: $typing) }"
)
TYPING = "subscription($chatId: ID) { typing(chatId: $chatId) { chatId senderType name typing } }"
RATE_CHAT = """
mutation($rating: Int!, $comment: String) {
  rateChat(rating: $rating, comment: $comment) { id archived rating ratingComment } }"""
CHAT_RATING = "query($id: ID) { chat(id: $id) { id archived rating ratingComment } }"
CONTACT = """
query($id: ID) { chat(id: $id) { id messageCount rating
  user { id externalId email name firstSeenAt attributes { key value } } } }"""
SENDER_NAMES = (
    "query($id: ID) { chat(id: $id) { messages { nodes { content senderType senderName } } } }"
)
