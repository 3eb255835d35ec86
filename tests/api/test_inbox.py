"""The shared inbox: assignment, the staff list, unread count, notes, saved replies, who sent
what, the contact details a host app passes in the token."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest

from api.auth.tokens import user_token
from tests.conftest import LOGIN, STAFF_PASSWORD, WIDGET_SECRET, EndUser, create_staff, make_user
from tests.support import operations as ops
from tests.support.graphql import Http, socket
from tests.support.redis_wait import subscribed
from tests.support.servers import ApiServer

pytestmark = pytest.mark.anyio


@pytest.fixture(scope="module")
def colleague(api: ApiServer, env: dict[str, str]) -> dict[str, str]:
    """A second staff member: their id and token."""
    email = f"colleague-{uuid.uuid4().hex[:8]}@example.test"
    create_staff(env, email)
    login = Http(api.url).execute(LOGIN, {"e": email, "p": STAFF_PASSWORD})["login"]
    return {"id": login["viewer"]["id"], "token": login["token"], "email": email}


@pytest.fixture(scope="module")
def second_api(env: dict[str, str]) -> Iterator[ApiServer]:
    server = ApiServer(env, name="api-inbox").start()
    yield server
    server.stop()


def staff_id(api: ApiServer, token: str) -> str:
    found: str = Http(api.url, token).execute(ops.VIEWER)["viewer"]["id"]
    return found


def chat_with_message(api: ApiServer, user: EndUser, content: str = "hello") -> str:
    http = Http(api.url, user.token)
    http.execute(ops.SEND, {"content": content})
    chat_id: str = http.execute(ops.MY_CHAT)["chat"]["id"]
    return chat_id


def listed(api: ApiServer, token: str, user: EndUser, assignee: str) -> list[dict[str, Any]]:
    found = Http(api.url, token).execute(ops.INBOX, {"assignee": assignee, "search": user.email})
    return [edge["node"] for edge in found["chats"]["edges"]]


# Assignment ------------------------------------------------------------------------------


def test_assign_to_a_colleague_to_me_and_to_nobody_with_the_list_filters(
    api: ApiServer, staff_token: str, colleague: dict[str, str], user: EndUser
) -> None:
    chat_id = chat_with_message(api, user)
    staff = Http(api.url, staff_token)
    me = staff_id(api, staff_token)
    assert [c["id"] for c in listed(api, staff_token, user, "NOBODY")] == [chat_id]

    to_colleague = staff.execute(ops.ASSIGN, {"chatId": chat_id, "staffId": colleague["id"]})
    assert to_colleague["assignChat"]["assignee"]["id"] == colleague["id"]
    assert to_colleague["assignChat"]["assignee"]["email"] == colleague["email"]
    assert listed(api, staff_token, user, "NOBODY") == []
    assert listed(api, staff_token, user, "ME") == []
    assert [c["id"] for c in listed(api, colleague["token"], user, "ME")] == [chat_id]

    staff.execute(ops.ASSIGN, {"chatId": chat_id, "staffId": me})
    [mine] = listed(api, staff_token, user, "ME")
    assert mine["assignee"]["id"] == me
    assert listed(api, colleague["token"], user, "ME") == []
    assert len(listed(api, staff_token, user, "ANYONE")) == 1

    unassigned = staff.execute(ops.ASSIGN, {"chatId": chat_id, "staffId": None})
    assert unassigned["assignChat"]["assignee"] is None
    assert [c["id"] for c in listed(api, staff_token, user, "NOBODY")] == [chat_id]


def test_an_integration_key_is_nobody_to_filter_by(api: ApiServer, integration_key: str) -> None:
    result = Http(api.url, integration_key).post(ops.INBOX, {"assignee": "ME"}).json()

    assert result["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "assignee"}


def test_the_user_never_sees_who_owns_their_chat(
    api: ApiServer, staff_token: str, user: EndUser
) -> None:
    chat_id = chat_with_message(api, user)
    Http(api.url, staff_token).execute(
        ops.ASSIGN, {"chatId": chat_id, "staffId": staff_id(api, staff_token)}
    )

    assert Http(api.url, user.token).execute(ops.CHAT_ASSIGNEE)["chat"]["assignee"] is None
    staff_view = Http(api.url, staff_token).execute(ops.CHAT_ASSIGNEE, {"id": chat_id})
    assert staff_view["chat"]["assignee"]["id"] == staff_id(api, staff_token)


@pytest.mark.parametrize(
    ("staff", "code", "field"),
    [(str(uuid.uuid4()), "NOT_FOUND", "staffId"), ("not-an-id", "BAD_USER_INPUT", "staffId")],
)
def test_assigning_to_unknown_staff_changes_nothing(
    api: ApiServer, staff_token: str, user: EndUser, staff: str, code: str, field: str
) -> None:
    chat_id = chat_with_message(api, user)
    http = Http(api.url, staff_token)
    http.execute(ops.ASSIGN, {"chatId": chat_id, "staffId": staff_id(api, staff_token)})

    result = http.post(ops.ASSIGN, {"chatId": chat_id, "staffId": staff}).json()

    assert result["errors"][0]["extensions"] == {"code": code, "field": field}
    still = http.execute(ops.CHAT_ASSIGNEE, {"id": chat_id})["chat"]["assignee"]
    assert still["id"] == staff_id(api, staff_token)


def test_an_unknown_chat_is_not_found(api: ApiServer, staff_token: str) -> None:
    code = Http(api.url, staff_token).error_code(ops.ASSIGN, {"chatId": str(uuid.uuid4())})

    assert code == "NOT_FOUND"


async def test_assignment_reaches_other_agents_on_other_processes_through_chat_updated(
    api: ApiServer,
    second_api: ApiServer,
    env: dict[str, str],
    staff_token: str,
    colleague: dict[str, str],
    user: EndUser,
) -> None:
    chat_id = chat_with_message(api, user)
    async with socket(second_api.ws_url, colleague["token"]) as dashboard:
        updates = await dashboard.subscribe(
            "subscription { chatUpdated { id assignee { id name online } } }"
        )
        await subscribed(env["REDIS_URL"], "admin_chat_updates")

        Http(api.url, staff_token).execute(
            ops.ASSIGN, {"chatId": chat_id, "staffId": colleague["id"]}
        )

        update = (await updates.next())["chatUpdated"]
        assert update["id"] == chat_id
        assert update["assignee"]["id"] == colleague["id"]
        assert update["assignee"]["online"] is True  # this very socket is their dashboard


# The staff list of chats -----------------------------------------------------------------


def test_chats_without_messages_stay_out_of_the_staff_list(
    api: ApiServer, staff_token: str, user: EndUser
) -> None:
    own = Http(api.url, user.token).execute(ops.MY_CHAT)["chat"]
    assert own["messageCount"] == 0  # the user still gets their chat

    assert listed(api, staff_token, user, "ANYONE") == []
    total = Http(api.url, staff_token).execute(ops.INBOX, {"search": user.email})
    assert total["chats"]["totalCount"] == 0

    chat_with_message(api, user)
    assert [c["id"] for c in listed(api, staff_token, user, "ANYONE")] == [own["id"]]


def test_unread_chat_count_counts_chats_awaiting_staff(
    api: ApiServer, staff_token: str, user: EndUser, other_user: EndUser
) -> None:
    staff = Http(api.url, staff_token)

    def count() -> int:
        found: int = staff.execute(ops.UNREAD_CHAT_COUNT)["unreadChatCount"]
        return found

    before = count()
    first = chat_with_message(api, user, "one")
    chat_with_message(api, user, "two")  # the same chat: still one
    second = chat_with_message(api, other_user, "three")
    assert count() == before + 2

    staff.execute(ops.MARK_READ, {"chatId": first})
    assert count() == before + 1
    staff.execute(ops.ARCHIVE, {"chatId": second})  # out of the inbox, out of the count
    assert count() == before
    chat_with_message(api, user, "four")
    assert count() == before + 1


def test_chats_stored_before_the_unread_flag_are_counted_after_a_start(
    api: ApiServer,
    env: dict[str, str],
    staff_token: str,
    user: EndUser,
    other_user: EndUser,
    db: Any,
) -> None:
    staff = Http(api.url, staff_token)
    waiting = chat_with_message(api, user)
    answered = chat_with_message(api, other_user)
    staff.execute(ops.MARK_READ, {"chatId": answered})
    before = staff.execute(ops.UNREAD_CHAT_COUNT)["unreadChatCount"]
    ids = [uuid.UUID(waiting), uuid.UUID(answered)]
    db["chats"].update_many({"_id": {"$in": ids}}, {"$unset": {"unread_by_staff": ""}})
    assert staff.execute(ops.UNREAD_CHAT_COUNT)["unreadChatCount"] == before - 1

    restarted = ApiServer(env, name="api-upgrade").start()
    try:
        counted = Http(restarted.url, staff_token).execute(ops.UNREAD_CHAT_COUNT)
    finally:
        restarted.stop()

    assert counted["unreadChatCount"] == before
    flags = {c["_id"]: c["unread_by_staff"] for c in db["chats"].find({"_id": {"$in": ids}})}
    assert flags == {ids[0]: True, ids[1]: False}


# Notes -----------------------------------------------------------------------------------


def test_notes_come_oldest_first_with_their_author(
    api: ApiServer, staff_token: str, colleague: dict[str, str], user: EndUser
) -> None:
    chat_id = chat_with_message(api, user)
    first = Http(api.url, staff_token).execute(
        ops.ADD_NOTE, {"chatId": chat_id, "content": "  refund approved  "}
    )["addNote"]
    Http(api.url, colleague["token"]).execute(
        ops.ADD_NOTE, {"chatId": chat_id, "content": "sent the label"}
    )

    notes = Http(api.url, staff_token).execute(ops.NOTES, {"id": chat_id})["chat"]["notes"]

    assert [note["content"] for note in notes] == ["refund approved", "sent the label"]
    assert notes[0] == first
    assert notes[0]["author"]["id"] == staff_id(api, staff_token)
    assert notes[0]["author"]["name"] == "Sam Staff"
    assert notes[1]["author"]["email"] == colleague["email"]
    chat = Http(api.url, staff_token).execute(ops.CHAT, {"id": chat_id})["chat"]
    assert chat["messageCount"] == 1  # a note is no message
    assert chat["lastMessagePreview"] == "hello"


@pytest.mark.parametrize("content", ["", "  \n ", "x" * 5001])
def test_a_note_follows_the_content_rules_of_a_message(
    api: ApiServer, staff_token: str, user: EndUser, content: str
) -> None:
    chat_id = chat_with_message(api, user)

    result = (
        Http(api.url, staff_token)
        .post(ops.ADD_NOTE, {"chatId": chat_id, "content": content})
        .json()
    )

    assert result["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "content"}
    assert Http(api.url, staff_token).execute(ops.NOTES, {"id": chat_id})["chat"]["notes"] == []


async def test_a_note_reaches_other_agents_on_other_processes(
    api: ApiServer,
    second_api: ApiServer,
    env: dict[str, str],
    staff_token: str,
    colleague: dict[str, str],
    user: EndUser,
) -> None:
    chat_id = chat_with_message(api, user)
    async with socket(second_api.ws_url, colleague["token"]) as dashboard:
        added = await dashboard.subscribe(ops.NOTE_ADDED, {"chatId": chat_id})
        await subscribed(env["REDIS_URL"], f"staff_chat:{chat_id}")

        note = Http(api.url, staff_token).execute(
            ops.ADD_NOTE, {"chatId": chat_id, "content": "call them back"}
        )["addNote"]

        assert (await added.next())["noteAdded"] == {**note, "author": {**note["author"]}}
        await added.nothing_more()


# Saved replies ---------------------------------------------------------------------------


def test_saved_replies_are_created_found_updated_and_deleted(
    api: ApiServer, staff_token: str, colleague: dict[str, str]
) -> None:
    staff, other = Http(api.url, staff_token), Http(api.url, colleague["token"])
    tag = uuid.uuid4().hex[:6]
    created = staff.execute(
        ops.SAVE_CANNED_REPLY,
        {"shortcut": f" Refund-{tag} ", "title": "Refund Policy", "content": " 30 days. "},
    )["saveCannedReply"]
    assert created["shortcut"] == f"refund-{tag}"
    assert created["content"] == "30 days."

    # Shared by all staff; search matches the shortcut or the title, any case.
    assert other.execute(ops.CANNED_REPLIES, {"search": f"REFUND-{tag}"})["cannedReplies"] == [
        created
    ]
    by_title = other.execute(ops.CANNED_REPLIES, {"search": "refund pol"})["cannedReplies"]
    assert created in by_title
    assert created in other.execute(ops.CANNED_REPLIES)["cannedReplies"]

    updated = other.execute(
        ops.SAVE_CANNED_REPLY,
        {"id": created["id"], "shortcut": f"refund-{tag}", "title": "Refunds", "content": "60"},
    )["saveCannedReply"]
    assert updated == {**created, "title": "Refunds", "content": "60"}

    assert staff.execute(ops.DELETE_CANNED_REPLY, {"id": created["id"]}) == {
        "deleteCannedReply": True
    }
    assert staff.execute(ops.CANNED_REPLIES, {"search": tag})["cannedReplies"] == []
    assert staff.error_code(ops.DELETE_CANNED_REPLY, {"id": created["id"]}) == "NOT_FOUND"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"shortcut": ""}, "shortcut"),
        ({"shortcut": "has space"}, "shortcut"),
        ({"shortcut": "x" * 33}, "shortcut"),
        ({"shortcut": "ünï"}, "shortcut"),
        ({"title": "  "}, "title"),
        ({"title": "t" * 101}, "title"),
        ({"content": ""}, "content"),
        ({"content": "c" * 5001}, "content"),
        ({"id": "nope"}, "id"),
    ],
)
def test_bad_saved_replies_are_bad_user_input_and_store_nothing(
    api: ApiServer, staff_token: str, change: dict[str, str], field: str
) -> None:
    tag = uuid.uuid4().hex[:8]
    reply = {"shortcut": f"ok-{tag}", "title": f"title {tag}", "content": "fine", **change}

    result = Http(api.url, staff_token).post(ops.SAVE_CANNED_REPLY, reply).json()

    assert result["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": field}
    found = Http(api.url, staff_token).execute(ops.CANNED_REPLIES, {"search": tag})
    assert found["cannedReplies"] == []


def test_a_shortcut_is_unique(api: ApiServer, staff_token: str) -> None:
    http, tag = Http(api.url, staff_token), uuid.uuid4().hex[:8]
    first = http.execute(ops.SAVE_CANNED_REPLY, {"shortcut": tag, "title": "a", "content": "a"})
    second = http.execute(
        ops.SAVE_CANNED_REPLY, {"shortcut": f"{tag}-2", "title": "b", "content": "b"}
    )

    again = http.post(ops.SAVE_CANNED_REPLY, {"shortcut": tag, "title": "c", "content": "c"})
    renamed = http.post(
        ops.SAVE_CANNED_REPLY,
        {"id": second["saveCannedReply"]["id"], "shortcut": tag, "title": "b", "content": "b"},
    )

    for result in (again.json(), renamed.json()):
        assert result["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "shortcut"}
    found = http.execute(ops.CANNED_REPLIES, {"search": tag})["cannedReplies"]
    assert found == [first["saveCannedReply"], second["saveCannedReply"]]


def test_updating_a_saved_reply_that_does_not_exist_is_not_found(
    api: ApiServer, staff_token: str
) -> None:
    reply = {
        "id": str(uuid.uuid4()),
        "shortcut": uuid.uuid4().hex[:8],
        "title": "t",
        "content": "c",
    }

    result = Http(api.url, staff_token).post(ops.SAVE_CANNED_REPLY, reply).json()

    assert result["errors"][0]["extensions"] == {"code": "NOT_FOUND", "field": "id"}


# Who sent what ---------------------------------------------------------------------------


def test_messages_carry_the_sender_name_of_their_time(
    api: ApiServer, staff_token: str, user: EndUser, db: Any
) -> None:
    chat_id = chat_with_message(api, user, "from ann")
    Http(api.url, staff_token).execute(ops.SEND, {"content": "from sam", "chatId": chat_id})
    # A message stored before senderName existed has none.
    db["messages"].update_one(
        {"chat_id": uuid.UUID(chat_id), "content": "from ann"}, {"$unset": {"sender_name": ""}}
    )
    Http(api.url, staff_token).execute(ops.SEND, {"content": "again", "chatId": chat_id})

    nodes = Http(api.url, user.token).execute(ops.SENDER_NAMES)["chat"]["messages"]["nodes"]

    assert [(n["content"], n["senderName"]) for n in nodes] == [
        ("from ann", None),
        ("from sam", "Sam Staff"),
        ("again", "Sam Staff"),
    ]
    renamed = EndUser(user.external_id, user.email, user_token(
        WIDGET_SECRET, user.external_id, user.email, "Ann Smith", timedelta(hours=1)
    ))  # fmt: skip
    Http(api.url, renamed.token).execute(ops.SEND, {"content": "new name"})
    last = Http(api.url, user.token).execute(ops.SENDER_NAMES)["chat"]["messages"]["nodes"][-1]
    assert last == {"content": "new name", "senderType": "USER", "senderName": "Ann Smith"}


# Contact details -------------------------------------------------------------------------


def user_with_attributes(attributes: object) -> EndUser:
    plain = make_user("carol")
    token = user_token(
        WIDGET_SECRET, plain.external_id, plain.email, "Carol", timedelta(hours=1), attributes
    )
    return EndUser(plain.external_id, plain.email, token)


def contact(api: ApiServer, token: str, chat_id: str) -> dict[str, Any]:
    found: dict[str, Any] = Http(api.url, token).execute(ops.CONTACT, {"id": chat_id})["chat"]
    return found


def test_staff_and_integrations_see_the_attributes_the_host_app_signed(
    api: ApiServer, staff_token: str, integration_key: str
) -> None:
    carol = user_with_attributes({"plan": "pro", "seats": 12, "trial": False, "mrr": 99.5})
    chat_id = chat_with_message(api, carol)

    seen = contact(api, staff_token, chat_id)

    assert seen["user"]["attributes"] == [
        {"key": "plan", "value": "pro"},
        {"key": "seats", "value": "12"},
        {"key": "trial", "value": "false"},
        {"key": "mrr", "value": "99.5"},
    ]
    assert seen["user"]["externalId"] == carol.external_id
    assert seen["user"]["firstSeenAt"]
    assert seen["messageCount"] == 1
    assert contact(api, integration_key, chat_id)["user"] == seen["user"]


def test_attributes_that_do_not_fit_are_left_out_with_one_warning(
    api: ApiServer, staff_token: str
) -> None:
    too_many = {f"k{n:02}": n for n in range(25)}
    carol = user_with_attributes(
        {
            **too_many,
            "nested": {"a": 1},
            "list": [1],
            "null": None,
            "long": "x" * 201,
            "$where": "1",
            "a.b": "c",
        }
    )
    log_before = api_log(api)

    chat_id = chat_with_message(api, carol)  # never an error for the user

    attributes = contact(api, staff_token, chat_id)["user"]["attributes"]
    assert attributes == [{"key": f"k{n:02}", "value": str(n)} for n in range(20)]
    warnings = [
        line for line in api_log(api)[len(log_before) :].splitlines() if carol.external_id in line
    ]
    assert len(warnings) == 1, warnings  # though the token was checked twice
    assert "left out 11 attribute(s)" in warnings[0]


def test_an_attributes_claim_that_is_no_object_is_ignored(api: ApiServer, staff_token: str) -> None:
    carol = user_with_attributes(["not", "an", "object"])

    chat_id = chat_with_message(api, carol)

    assert contact(api, staff_token, chat_id)["user"]["attributes"] == []


def api_log(api: ApiServer) -> str:
    assert api.process is not None
    assert api.process.log_path is not None
    return api.process.log_path.read_text()
