"""Live events: what is encoded is decoded to an equal event; anything else is refused."""

from __future__ import annotations

from collections.abc import Callable
from uuid import uuid4

import pytest

from api.live.events import (
    ChatUpdated,
    LiveEvent,
    MessageAdded,
    MessagesRead,
    decode,
    encode,
)
from core.clock import utc_now
from documents import Chat, Message, SenderType

pytestmark = [pytest.mark.anyio, pytest.mark.usefixtures("beanie_ready")]


def message(sender: SenderType = SenderType.USER) -> Message:
    message_id = uuid4()
    return Message(
        id=message_id,
        chat_id=uuid4(),
        content="Where is my order?",
        sender_type=sender,
        sender_id=uuid4(),
        client_id=str(message_id),
    )


def chat() -> Chat:
    return Chat(user_id=uuid4(), user_email="a@example.com", archived_at=utc_now())


@pytest.mark.parametrize(
    "make_event",
    [
        lambda: MessageAdded(message()),
        lambda: MessageAdded(message(), "someone@example.com"),
        lambda: MessagesRead(SenderType.ADMIN, (message(), message())),
        lambda: ChatUpdated(chat()),
    ],
    ids=["message", "message-for-staff", "read", "chat"],
)
async def test_an_encoded_event_decodes_to_an_equal_one(
    make_event: Callable[[], LiveEvent],
) -> None:
    event = make_event()
    assert decode(encode(event)) == event
    assert decode(encode(event).encode()) == event


@pytest.mark.parametrize(
    "data",
    ["not json", "[]", '{"type": "new_message"}', '{"type": "surprise"}', '{"type": 1}'],
)
async def test_anything_but_an_event_is_a_value_error(data: str) -> None:
    with pytest.raises(ValueError, match="live event"):
        decode(data)
