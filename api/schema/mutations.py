from __future__ import annotations

import strawberry
from strawberry import ID

from api.auth.passwords import staff_with_password
from api.auth.principal import Principal, Role
from api.auth.tokens import issue_staff_token
from api.schema.access import accessible_chat
from api.schema.context import Info
from api.schema.permissions import CanWrite, IsAuthenticated, IsStaff
from api.schema.types import AuthPayload, Chat, Message, Viewer
from documents import SenderType, chats, messages

MARK_READ_INTERVAL_SECONDS = 1.0  # with nothing new to read: one markRead per caller and chat


def _side(principal: Principal) -> SenderType:
    return SenderType.ADMIN if principal.is_staff else SenderType.USER


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Staff log-in; wrong email or password is UNAUTHENTICATED.")
    async def login(self, info: Info, email: str, password: str) -> AuthPayload:
        context = info.context
        await context.limits.hit(
            f"login:ip:{context.client_ip}", context.settings.rate_login_per_ip
        )
        await context.limits.hit(
            f"login:email:{email.strip().lower()}", context.settings.rate_login_per_email
        )
        staff = await staff_with_password(email, password)
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
    ) -> Message:
        caller, context = info.context.caller(), info.context
        await context.limits.hit(f"send:user:{caller.id}", context.settings.rate_send_per_user)
        await context.limits.hit(f"send:ip:{context.client_ip}", context.settings.rate_send_per_ip)
        chat = await accessible_chat(info, chat_id)
        sent = await messages.send_message(chat, _side(caller), caller.id, content, client_id)
        if sent.created:
            await info.context.events.message_added(sent.message, sent.chat)
            if sent.message.sender_type is SenderType.ADMIN:
                await info.context.emails.schedule_unread_reply(sent.message.id)
        return Message.from_document(sent.message)

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


async def _set_archived(info: Info, chat_id: ID, *, archived: bool) -> Chat:
    chat = await chats.set_archived(await accessible_chat(info, chat_id), archived)
    await info.context.events.chat_updated(chat)
    return Chat.from_document(chat)
