"""The view's JSON: a shared `next` payload is spliced into each subscriber's own frame."""

from __future__ import annotations

import json

from api.web.frames import FrameEncoder


def next_frame(operation_id: str, payload: dict[str, object]) -> dict[str, object]:
    return {"id": operation_id, "type": "next", "payload": payload}


def test_subscribers_sharing_a_result_each_get_their_own_operation_id() -> None:
    encoder = FrameEncoder()
    data = {"messageAdded": {"id": "m1", "content": 'héllo "quoted" ✓', "readAt": None}}
    for operation_id in ("1", "2", 'odd "id" ✓'):
        frame = encoder.encode(next_frame(operation_id, {"data": data}))
        assert json.loads(frame) == next_frame(operation_id, {"data": data})


def test_errors_and_other_messages_are_encoded_whole() -> None:
    encoder = FrameEncoder()
    with_errors = next_frame("7", {"data": None, "errors": [{"message": "no", "path": ["x"]}]})
    others: list[object] = [
        with_errors,
        {"type": "connection_ack"},
        {"id": "3", "type": "complete"},
        {"id": "4", "type": "error", "payload": [{"message": "bad"}]},
        {"data": {"chats": []}},
    ]
    for message in others:
        assert json.loads(encoder.encode(message)) == message


def test_results_beyond_those_kept_are_still_encoded_correctly() -> None:
    encoder = FrameEncoder(kept=2)
    results = [{"newUserMessage": {"cursor": str(n)}} for n in range(5)]
    for _ in range(2):
        for n, data in enumerate(results):
            frame = json.loads(encoder.encode(next_frame(str(n), {"data": data})))
            assert frame == next_frame(str(n), {"data": data})
