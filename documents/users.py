"""End users of the host app: remembered from their tokens, opted out of emails."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from uuid import UUID

from documents._load import load
from documents._upsert import upsert_one
from documents.chats import sync_user_email
from documents.models import User
from documents.models.user import AttributeValue


async def remember_user(
    external_id: str,
    email: str,
    name: str | None,
    attributes: Mapping[str, AttributeValue] | None = None,
) -> User:
    """The user with this host-app id, created on first sight, email, name and attributes
    kept current (attributes None: the token had none; the stored ones stay).

    A changed email also reaches the user's chat, whose copy serves search and
    `newUserMessage`.
    """
    user = await User.find_one(User.external_id == external_id)
    unchanged_attributes = attributes is None or (
        user is not None and user.attributes == attributes
    )
    if user is not None and user.email == email and user.name == name and unchanged_attributes:
        return user
    fresh = User(external_id=external_id, email=email)
    current: dict[str, object] = {"email": email, "name": name}
    if attributes is not None:
        current["attributes"] = dict(attributes)
    document = await upsert_one(
        User.get_pymongo_collection(),
        {"external_id": external_id},
        {
            "$set": current,
            "$setOnInsert": {"_id": fresh.id, "created_at": fresh.created_at},
        },
    )
    remembered = load(User, document)
    if user is not None and user.email != email:
        await sync_user_email(remembered.id, email)
    return remembered


async def user_by_id(user_id: UUID) -> User | None:
    return await User.get(user_id)


async def users_by_ids(ids: Sequence[UUID]) -> list[User | None]:
    """The users with these ids, in the same order; None where there is none."""
    found = {user.id: user for user in await User.find({"_id": {"$in": list(ids)}}).to_list()}
    return [found.get(user_id) for user_id in ids]


async def opt_out_of_emails(user_id: UUID) -> User | None:
    """Stop the "unread reply" emails to this user; None when there is no such user."""
    user = await User.get(user_id)
    if user is not None:
        await user.set({User.email_opt_out: True})
    return user
