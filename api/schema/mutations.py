from __future__ import annotations

from uuid import UUID

import strawberry
from strawberry import ID
from strawberry.file_uploads import Upload

from api.auth.principal import Principal, Role
from api.auth.tokens import issue_staff_token
from api.live.events import TypingChanged
from api.schema.access import accessible_chat, accessible_chat_id, parse_id
from api.schema.attachments import Attachment, upload_attachment
from api.schema.context import Context, Info
from api.schema.login import log_in
from api.schema.permissions import CanWrite, IsAuthenticated, IsEndUser, IsStaff
from api.schema.team import CannedReply, Note
from api.schema.types import AuthPayload, Chat, Message, Viewer
from core.errors import BadUserInput
from core.metrics import SEND_MESSAGE_SECONDS
from documents import SenderType, canned_replies, chats, messages, notes

MARK_READ_INTERVAL_SECONDS = 1.0  # with nothing new to read: one markRead per caller and chat


def _side(principal: Principal) -> SenderType:
    return SenderType.ADMIN if principal.is_staff else SenderType.USER


async def _typing_change(
    context: Context, chat_id: UUID, caller: Principal, *, typing: bool
) -> TypingChanged | None:
    """The event to announce, or None when the other side knows already (throttled)."""
    if await context.typing.should_announce(chat_id, caller.id, typing):
        return TypingChanged(chat_id, _side(caller), _shown_name(caller), typing)
    return None


def _shown_name(principal: Principal) -> str | None:
    """How the other side sees the caller: staff by name (or email), users by name."""
    return (principal.name or principal.email) if principal.is_staff else principal.name


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Staff log-in; wrong email or password is UNAUTHENTICATED.")
    async def login(self, info: Info, email: str, password: str) -> AuthPayload:
        staff = await log_in(info.context, email, password)
        token = issue_staff_token(staff, info.context.settings)
        principal = Principal(staff.id, role=Role.ADMIN, email=staff.email, name=staff.name)
        return AuthPayload(token=token, viewer=Viewer.from_principal(principal))

    @strawberry.mutation(
        permission_classes=[IsAuthenticated, CanWrite],
        description="Content is trimmed, 1 to 5000 characters; the same clientId twice sends once.",
    )
    async def send_message(
        self,
        info: Info,
        content: str,
        chat_id: ID | None = None,
        client_id: str | None = None,
        attachment_ids: list[ID] | None = None,
    ) -> Message:
        with SEND_MESSAGE_SECONDS.time():
            caller, context = info.context.caller(), info.context
            await context.limits.hit_all(
                [
                    (f"send:user:{caller.id}", context.settings.rate_send_per_user),
                    (f"send:ip:{context.client_ip}", context.settings.rate_send_per_ip),
                ]
            )
            chat = await accessible_chat_id(info, chat_id)
            attachments = [parse_id(given, "attachmentIds") for given in attachment_ids or []]
            sent = await messages.send_message(
                chat,
                _side(caller),
                caller.id,
                content,
                client_id,
                attachments,
                sender_name=_shown_name(caller),
            )
            if sent.created:
                # A sent message ends its sender's typing, whatever the client said last.
                typing_ended = await _typing_change(context, chat, caller, typing=False)
                await context.events.message_added(
                    sent.message, sent.chat, typing_ended=typing_ended
                )
                if sent.message.sender_type is SenderType.ADMIN:
                    await context.emails.schedule_unread_reply(sent.message.id)
            return Message.from_document(sent.message)

    @strawberry.mutation(
        permission_classes=[IsAuthenticated, CanWrite],
        description="A file for the next sendMessage(attachmentIds:) in this chat.",
    )
    async def upload_attachment(
        self, info: Info, file: Upload, chat_id: ID | None = None
    ) -> Attachment:
        return await upload_attachment(info, file, chat_id)

    @strawberry.mutation(permission_classes=[IsAuthenticated, CanWrite])
    async def mark_read(self, info: Info, chat_id: ID | None = None) -> Chat:
        caller, context = info.context.caller(), info.context
        chat, reader = await accessible_chat(info, chat_id), _side(caller)
        # Something new to read always takes effect, so no read receipt waits for a retry.
        has_news = chat.unread if reader is SenderType.ADMIN else chat.unread_count > 0
        throttle_key = f"markRead:{caller.id}:{chat.id}"
        if not has_news and not await context.limits.first_within(
            throttle_key, MARK_READ_INTERVAL_SECONDS
        ):
            return Chat.from_document(chat)  # as it is: no write, no broadcast
        chat, read = await messages.mark_read(chat, reader)
        await context.events.messages_read(chat, reader, read)
        return Chat.from_document(chat)

    @strawberry.mutation(
        permission_classes=[IsAuthenticated, IsStaff],
        description="Staff: end this session; the token stops working at once.",
    )
    async def logout(self, info: Info) -> bool:
        await info.context.revocations.revoke_token(info.context.caller())
        return True

    @strawberry.mutation(permission_classes=[IsAuthenticated, IsStaff])
    async def archive_chat(self, info: Info, chat_id: ID) -> Chat:
        return await _set_archived(info, chat_id, archived=True)

    @strawberry.mutation(permission_classes=[IsAuthenticated, IsStaff])
    async def unarchive_chat(self, info: Info, chat_id: ID) -> Chat:
        return await _set_archived(info, chat_id, archived=False)

    @strawberry.mutation(
        permission_classes=[IsAuthenticated, IsStaff],
        description="Give the chat to a staff member; a null staffId unassigns it.",
    )
    async def assign_chat(self, info: Info, chat_id: ID, staff_id: ID | None = None) -> Chat:
        chat = await accessible_chat(info, chat_id)
        assignee = None if staff_id is None else parse_id(staff_id, "staffId")
        assigned = await chats.assign(chat, assignee)
        await info.context.events.chat_updated(assigned)
        return Chat.from_document(assigned)

    @strawberry.mutation(
        permission_classes=[IsAuthenticated, IsStaff],
        description="A staff-only note; content follows the rules of a message.",
    )
    async def add_note(self, info: Info, chat_id: ID, content: str) -> Note:
        caller, context = info.context.caller(), info.context
        await context.limits.hit(f"send:user:{caller.id}", context.settings.rate_send_per_user)
        note = await notes.add_note(await accessible_chat(info, chat_id), caller.id, content)
        await context.events.note_added(note)
        return Note.from_document(note)

    @strawberry.mutation(
        permission_classes=[IsAuthenticated, IsStaff],
        description="Create (no id) or update a saved reply; shortcuts are unique.",
    )
    async def save_canned_reply(
        self, id: ID | None = None, *, shortcut: str, title: str, content: str
    ) -> CannedReply:
        reply_id = None if id is None else parse_id(id, "id")
        saved = await canned_replies.save_canned_reply(reply_id, shortcut, title, content)
        return CannedReply.from_document(saved)

    @strawberry.mutation(permission_classes=[IsAuthenticated, IsStaff])
    async def delete_canned_reply(self, id: ID) -> bool:
        await canned_replies.delete_canned_reply(parse_id(id, "id"))
        return True

    @strawberry.mutation(
        permission_classes=[IsAuthenticated, CanWrite],
        description="Tell the other side the caller is typing (or stopped); not stored.",
    )
    async def set_typing(self, info: Info, chat_id: ID | None = None, typing: bool = True) -> bool:
        caller, context = info.context.caller(), info.context
        chat = await accessible_chat(info, chat_id)
        if (change := await _typing_change(context, chat.id, caller, typing=typing)) is not None:
            await context.events.typing(change)
        return True

    @strawberry.mutation(
        permission_classes=[IsAuthenticated, IsEndUser],
        description="The user rates their archived chat 1-5; a later rating replaces it.",
    )
    async def rate_chat(self, info: Info, rating: int, comment: str | None = None) -> Chat:
        caller, context = info.context.caller(), info.context
        await context.limits.hit(f"send:user:{caller.id}", context.settings.rate_send_per_user)
        if not MIN_RATING <= rating <= MAX_RATING:
            raise BadUserInput(
                f"rating must be between {MIN_RATING} and {MAX_RATING}.", field="rating"
            )
        text = None if comment is None else comment.strip() or None
        if text is not None and len(text) > MAX_RATING_COMMENT:
            raise BadUserInput(
                f"comment is longer than {MAX_RATING_COMMENT} characters.", field="comment"
            )
        rated = await chats.rate(await accessible_chat(info, None), rating, text)
        await context.events.chat_updated(rated)
        return Chat.from_document(rated)


MIN_RATING, MAX_RATING, MAX_RATING_COMMENT = 1, 5, 1000


async def _set_archived(info: Info, chat_id: ID, *, archived: bool) -> Chat:
    chat = await chats.set_archived(await accessible_chat(info, chat_id), archived)
    await info.context.events.chat_updated(chat)
    return Chat.from_document(chat)
