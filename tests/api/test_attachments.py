"""Attachments end to end against a live server: upload, send, receive, download, refuse."""

from __future__ import annotations

import io
import uuid
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from PIL import Image

from api.attachments.urls import signature
from core.settings import Settings
from tests.conftest import SECRET_KEY, EndUser, make_user
from tests.support import operations as ops
from tests.support.graphql import Http, socket
from tests.support.redis_wait import subscribed
from tests.support.servers import ApiServer
from tests.support.uploads import (
    ATTACHMENT_FIELDS,
    SEND_WITH_ATTACHMENTS,
    image_bytes,
    upload,
    upload_error,
    uploaded,
)

pytestmark = pytest.mark.anyio

MEGABYTE = 1024 * 1024
GPS_IFD = 0x8825


def local(api: ApiServer, url: str) -> str:
    """A link as handed out, pointed at this test's server (the path and query are what count)."""
    parts = urlsplit(url)
    return f"{api.url}{parts.path}?{parts.query}"


def get(api: ApiServer, url: str, **headers: str) -> httpx.Response:
    return httpx.get(local(api, url), headers=headers, timeout=10)


def send(token: str, api: ApiServer, ids: list[str], **variables: Any) -> dict[str, Any]:
    result: dict[str, Any] = (
        Http(api.url, token)
        .post(SEND_WITH_ATTACHMENTS, {"content": "", "attachmentIds": ids, **variables})
        .json()
    )
    return result


def sent(token: str, api: ApiServer, ids: list[str], **variables: Any) -> dict[str, Any]:
    result = send(token, api, ids, **variables)
    assert not result.get("errors"), result["errors"]
    message: dict[str, Any] = result["data"]["sendMessage"]
    return message


def stored_counts(db: Any) -> tuple[int, int, int]:
    return (
        db["attachments"].count_documents({}),
        db["attachment_files.files"].count_documents({}),
        db["attachment_files.chunks"].count_documents({}),
    )


def chat_id_of(api: ApiServer, user: EndUser) -> str:
    chat_id: str = Http(api.url, user.token).execute(ops.MY_CHAT)["chat"]["id"]
    return chat_id


HISTORY = f"""
query($id: ID) {{ chat(id: $id) {{ messages(last: 50) {{ nodes {{
  id content attachments {{ {ATTACHMENT_FIELDS} }} }} }} }} }}"""
MESSAGE_ADDED = f"""
subscription($chatId: ID) {{ messageAdded(chatId: $chatId) {{
  id content attachments {{ {ATTACHMENT_FIELDS} }} }} }}"""


async def test_a_screenshot_reaches_staff_live_and_stays_in_history(
    api: ApiServer, env: dict[str, str], user: EndUser, staff_token: str
) -> None:
    Http(api.url, user.token).execute(ops.SEND, {"content": "hello"})
    chat_id = chat_id_of(api, user)
    screenshot = uploaded(api.url, user.token, "screen.png", image_bytes("PNG", (640, 480)))
    assert screenshot["contentType"] == "image/png"
    assert (screenshot["width"], screenshot["height"]) == (640, 480)
    assert screenshot["thumbnailUrl"] is not None

    async with socket(api.ws_url, staff_token) as staff:
        live = await staff.subscribe(MESSAGE_ADDED, {"chatId": chat_id})
        await subscribed(env["REDIS_URL"], f"support_chat:{chat_id}")
        message = sent(user.token, api, [screenshot["id"]], content="  see this  ")
        received = (await live.next())["messageAdded"]

    assert received["id"] == message["id"]
    assert received["content"] == "see this"
    [attachment] = received["attachments"]
    assert attachment["id"] == screenshot["id"]
    assert attachment["filename"] == "screen.png"
    history = Http(api.url, staff_token).execute(HISTORY, {"id": chat_id})["chat"]["messages"]
    [stored] = [node for node in history["nodes"] if node["id"] == message["id"]]
    assert [a["id"] for a in stored["attachments"]] == [screenshot["id"]]
    assert history["nodes"][0]["attachments"] == []  # the message without any

    assert attachment["url"].startswith(
        f"{api.url}/files/{attachment['id']}?"
    )  # where it was asked
    full = get(api, attachment["url"])
    assert full.status_code == 200
    assert full.headers["content-type"] == "image/png"
    assert full.headers["x-content-type-options"] == "nosniff"
    assert "sandbox" in full.headers["content-security-policy"]
    assert full.headers["content-disposition"].startswith("inline")
    assert full.headers["cache-control"].startswith("private")
    assert Image.open(io.BytesIO(full.content)).size == (640, 480)
    thumbnail = get(api, attachment["thumbnailUrl"])
    assert thumbnail.status_code == 200
    assert max(Image.open(io.BytesIO(thumbnail.content)).size) == 320


def test_a_phone_photo_loses_its_location_and_stands_upright(api: ApiServer, user: EndUser) -> None:
    photo = Image.new("RGB", (60, 40), (10, 120, 200))
    exif = photo.getexif()
    exif[0x0112] = 6  # orientation: rotate 90° clockwise to view
    exif[0x010F] = "PhoneMaker"
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (48.0, 51.0, 24.0), 3: "E", 4: (2.0, 21.0, 7.0)})
    output = io.BytesIO()
    photo.save(output, format="JPEG", exif=exif)
    assert b"PhoneMaker" in output.getvalue()

    attachment = uploaded(api.url, user.token, "IMG_0001.JPG", output.getvalue())
    stored = get(api, attachment["url"]).content

    assert (attachment["width"], attachment["height"]) == (40, 60)
    image = Image.open(io.BytesIO(stored))
    assert image.size == (40, 60)
    assert not image.getexif()
    assert b"PhoneMaker" not in stored
    assert b"Exif" not in stored


def test_other_types_are_kept_as_sent_and_download_as_files(api: ApiServer, user: EndUser) -> None:
    text = uploaded(api.url, user.token, "notes.txt", "ünïcode notes\nline 2\n".encode())
    pdf = uploaded(api.url, user.token, "invoice", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")

    assert text["contentType"] == "text/plain; charset=utf-8"
    assert (text["thumbnailUrl"], text["width"]) == (None, None)
    assert pdf["contentType"] == "application/pdf"
    assert pdf["filename"] == "invoice.pdf"
    response = get(api, pdf["url"])
    assert response.headers["content-disposition"].startswith('attachment; filename="invoice.pdf"')
    assert response.content.startswith(b"%PDF-1.4")


@pytest.mark.parametrize(
    ("filename", "data"),
    [
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("cat.png", b"<!doctype html><html><body><script>alert(document.cookie)</script>"),
        ("page.txt", b"\xef\xbb\xbf  <html><script>alert(1)</script></html>"),
        ("data.xml", b'<?xml version="1.0"?><a/>'),
        ("program.exe", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff"),
        ("nul.txt", b"text with a \x00 in it"),
    ],
)
def test_markup_and_unknown_bytes_are_unsupported_whatever_the_name(
    api: ApiServer, db: Any, user: EndUser, filename: str, data: bytes
) -> None:
    before = stored_counts(db)

    extensions = upload_error(api.url, user.token, filename, data)

    assert extensions["code"] == "UNSUPPORTED_MEDIA_TYPE"
    assert stored_counts(db) == before  # nothing stored for a refused file


def test_a_png_that_claims_to_be_an_image_but_is_not_is_refused(
    api: ApiServer, user: EndUser
) -> None:
    broken = image_bytes("PNG")[:40]

    assert upload_error(api.url, user.token, "broken.png", broken)["code"] == (
        "UNSUPPORTED_MEDIA_TYPE"
    )


def test_a_decompression_bomb_is_refused_before_decoding(
    api: ApiServer, db: Any, user: EndUser
) -> None:
    before = stored_counts(db)
    bomb = io.BytesIO()
    Image.new("1", (10_000, 10_000)).save(bomb, format="PNG", optimize=True)
    assert len(bomb.getvalue()) < 200_000  # small on the wire, 100 megapixels decoded

    extensions = upload_error(api.url, user.token, "bomb.png", bomb.getvalue())

    assert extensions["code"] == "PAYLOAD_TOO_LARGE"
    assert extensions["reason"] == "TOO_MANY_PIXELS"
    assert stored_counts(db) == before


def test_a_file_over_the_limit_is_payload_too_large(api: ApiServer, user: EndUser) -> None:
    just_over = b"a" * (10 * MEGABYTE + 1)
    assert upload_error(api.url, user.token, "big.txt", just_over)["code"] == "PAYLOAD_TOO_LARGE"

    far_over = upload(api.url, user.token, "huge.txt", b"a" * (12 * MEGABYTE))
    assert far_over.status_code == 413
    assert far_over.json()["errors"][0]["extensions"]["code"] == "PAYLOAD_TOO_LARGE"


def test_only_uploads_may_be_large(api: ApiServer, user: EndUser) -> None:
    response = Http(api.url, user.token).post(ops.SEND, {"content": "x" * 100_000})

    assert response.status_code == 413


@pytest.mark.parametrize("value", ["not a file", ["a", "list"], {"an": "object"}, 3])
def test_a_variable_that_is_not_a_file_part_is_bad_user_input(
    api: ApiServer, user: EndUser, value: object
) -> None:
    document = "mutation($file: Upload!) { uploadAttachment(file: $file) { id } }"

    result = Http(api.url, user.token).post(document, {"file": value}).json()

    assert result["errors"][0]["extensions"] == {
        "code": "BAD_USER_INPUT",
        "field": "file",
    }


def test_an_empty_file_is_bad_user_input(api: ApiServer, user: EndUser) -> None:
    assert upload_error(api.url, user.token, "empty.txt", b"")["code"] == "BAD_USER_INPUT"


def test_someone_elses_attachment_cannot_be_sent(
    api: ApiServer, user: EndUser, other_user: EndUser
) -> None:
    theirs = uploaded(api.url, other_user.token, "private.png", image_bytes())

    result = send(user.token, api, [theirs["id"]])

    assert result["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert result["errors"][0]["extensions"]["reason"] == "UNKNOWN_ATTACHMENT"
    sent(other_user.token, api, [theirs["id"]])  # still theirs to send


def test_an_attachment_of_one_chat_cannot_be_sent_in_another(
    api: ApiServer, user: EndUser, other_user: EndUser, staff_token: str
) -> None:
    first, second = (chat_id_of(api, person) for person in (user, other_user))
    for_first = uploaded(api.url, staff_token, "a.png", image_bytes(), chat_id=first)

    result = send(staff_token, api, [for_first["id"]], chatId=second)

    assert result["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert result["errors"][0]["extensions"]["reason"] == "UNKNOWN_ATTACHMENT"
    assert sent(staff_token, api, [for_first["id"]], chatId=first)["attachments"]


def test_an_attachment_is_sent_once_and_a_retry_sends_nothing_twice(
    api: ApiServer, user: EndUser
) -> None:
    attachment = uploaded(api.url, user.token, "once.png", image_bytes())
    first = sent(user.token, api, [attachment["id"]], clientId="retry-1")

    retried = sent(user.token, api, [attachment["id"]], clientId="retry-1")
    again = send(user.token, api, [attachment["id"]], clientId="another-send")

    assert retried["id"] == first["id"]
    assert again["errors"][0]["extensions"]["reason"] == "ALREADY_SENT"


def test_at_most_five_per_message_and_none_taken_when_refused(
    api: ApiServer, user: EndUser
) -> None:
    ids = [uploaded(api.url, user.token, f"{n}.png", image_bytes())["id"] for n in range(6)]

    too_many = send(user.token, api, ids)
    unknown = send(user.token, api, [ids[0], str(uuid.uuid4())])

    assert too_many["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert unknown["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert len(sent(user.token, api, ids[:5])["attachments"]) == 5  # the first was given back
    bad_id = send(user.token, api, ["not-an-id"])
    assert bad_id["errors"][0]["extensions"]["field"] == "attachmentIds"


def test_an_attachment_alone_makes_a_message_and_the_preview_names_it(
    api: ApiServer, user: EndUser
) -> None:
    attachment = uploaded(api.url, user.token, "receipt.png", image_bytes())

    message = sent(user.token, api, [attachment["id"]])

    assert message["content"] == ""
    chat = Http(api.url, user.token).execute(ops.MY_CHAT)["chat"]
    assert chat["lastMessagePreview"] == "📎 receipt.png"


@pytest.fixture(scope="module")
def link(api: ApiServer) -> dict[str, Any]:
    owner = make_user("linker")
    return uploaded(api.url, owner.token, "ranged.txt", bytes(range(32, 127)) * 10)


def test_a_tampered_or_expired_link_is_refused(api: ApiServer, link: dict[str, Any]) -> None:
    parts = urlsplit(link["url"])
    query = parse_qs(parts.query)
    other_id = str(uuid.uuid4())
    settings = Settings(env="dev", secret_key=SECRET_KEY)
    past = 1_000_000_000
    expired_signature = signature(settings, uuid.UUID(link["id"]), "file", past)

    assert get(api, link["url"]).status_code == 200
    assert get(api, link["url"].replace(link["id"], other_id)).status_code == 403
    assert get(api, link["url"][:-2] + "xx").status_code == 403
    tampered = link["url"].replace(query["expires"][0], str(int(query["expires"][0]) + 600))
    assert get(api, tampered).status_code == 403
    expired = get(api, f"{parts.path}?expires={past}&signature={expired_signature}")
    assert expired.status_code == 403
    assert "expired" in expired.text
    thumbnail_signature = link["url"].replace(parts.path, parts.path + "/thumbnail")
    assert get(api, thumbnail_signature).status_code == 403


def test_byte_ranges(api: ApiServer, link: dict[str, Any]) -> None:
    whole = get(api, link["url"]).content
    assert len(whole) == link["size"] == 950

    first = get(api, link["url"], Range="bytes=0-9")
    tail = get(api, link["url"], Range="bytes=-5")
    rest = get(api, link["url"], Range="bytes=900-")
    beyond = get(api, link["url"], Range="bytes=5000-6000")

    assert (first.status_code, first.content) == (206, whole[:10])
    assert first.headers["content-range"] == "bytes 0-9/950"
    assert (tail.status_code, tail.content) == (206, whole[-5:])
    assert (rest.content, rest.headers["content-length"]) == (whole[900:], "50")
    assert beyond.status_code == 416
    assert beyond.headers["content-range"] == "bytes */950"
    assert get(api, link["url"]).headers["accept-ranges"] == "bytes"


def test_the_bytes_live_in_gridfs(api: ApiServer, db: Any, link: dict[str, Any]) -> None:
    stored = db["attachment_files.files"].find_one({"_id": uuid.UUID(link["id"])})

    assert stored is not None
    assert stored["length"] == 950
    assert db["attachment_files.chunks"].count_documents({"files_id": stored["_id"]}) == 1


@pytest.fixture(scope="module")
def strict_api(env: dict[str, str]) -> Iterator[ApiServer]:
    server = ApiServer(
        {**env, "ATTACHMENT_TYPES": "image/png,image/jpeg", "RATE_UPLOAD_PER_USER": "3"},
        name="api-strict-uploads",
    ).start()
    yield server
    server.stop()


def test_a_setting_narrows_the_types_and_uploads_are_rate_limited(strict_api: ApiServer) -> None:
    person = make_user("uploader")
    pdf = upload_error(strict_api.url, person.token, "a.pdf", b"%PDF-1.4\n")
    assert pdf["code"] == "UNSUPPORTED_MEDIA_TYPE"
    assert pdf["allowed"] == ["image/png", "image/jpeg"]

    for _ in range(2):
        uploaded(strict_api.url, person.token, "ok.png", image_bytes())

    assert upload_error(strict_api.url, person.token, "x.png", image_bytes())["code"] == (
        "RATE_LIMITED"
    )
