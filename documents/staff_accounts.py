"""Staff accounts: created by the CLI, found by email to log in, by id for every token."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from beanie import SortDirection
from pymongo.errors import DuplicateKeyError

from documents.models import Staff


def normalized_email(email: str) -> str:
    return email.strip().lower()


async def staff_by_email(email: str) -> Staff | None:
    return await Staff.find_one(Staff.email == normalized_email(email))


async def staff_by_id(staff_id: UUID) -> Staff | None:
    return await Staff.get(staff_id)


async def staff_by_ids(ids: Sequence[UUID]) -> list[Staff | None]:
    """The staff with these ids, in the same order; None where there is none."""
    found = {staff.id: staff for staff in await Staff.find({"_id": {"$in": list(ids)}}).to_list()}
    return [found.get(staff_id) for staff_id in ids]


MAX_STAFF = 1000


async def all_staff() -> list[Staff]:
    """Every staff account, by email."""
    return (
        await Staff.find({}).sort([("email", SortDirection.ASCENDING)]).limit(MAX_STAFF).to_list()
    )


async def create_staff(email: str, name: str | None, password_hash: str) -> Staff | None:
    """The new account, or None when the email already has one."""
    staff = Staff(email=normalized_email(email), name=name, password_hash=password_hash)
    try:
        await staff.insert()
    except DuplicateKeyError:
        return None
    return staff


async def set_staff_password(email: str, name: str, password_hash: str) -> None:
    """Create the account or reset its password (dev: the printed login always works)."""
    staff = await staff_by_email(email)
    if staff is None:
        await Staff(email=normalized_email(email), name=name, password_hash=password_hash).insert()
    else:
        await staff.set({Staff.password_hash: password_hash})
