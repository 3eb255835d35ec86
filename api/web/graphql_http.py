"""GraphQL over HTTP: the specification's rules that Strawberry leaves to us.

- every error is a JSON GraphQL error with a code, never a plain-text body;
- a mutation over GET is 405 Method Not Allowed;
- a client that accepts `application/graphql-response+json` gets that media
  type, with 400 when the document does not parse or validate.
"""

from __future__ import annotations

import json

from cross_web import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

GRAPHQL_RESPONSE = "application/graphql-response+json"
DOCUMENT_ERRORS = {"GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED"}
MUTATION_OVER_GET = "mutations are not allowed when using GET"
CODES = {400: "BAD_REQUEST", 404: "NOT_FOUND", 405: "METHOD_NOT_ALLOWED", 413: "PAYLOAD_TOO_LARGE"}


def error_response(error: HTTPException, request: Request) -> JSONResponse:
    status = error.status_code
    if status == 400 and request.method == "GET" and error.reason == MUTATION_OVER_GET:
        status = 405
    body = {
        "errors": [
            {"message": error.reason, "extensions": {"code": CODES.get(status, "BAD_REQUEST")}}
        ]
    }
    headers = {"Allow": "POST"} if status == 405 else None
    return JSONResponse(body, status_code=status, headers=headers, media_type=_media_type(request))


def negotiate(response: Response, request: Request) -> Response:
    """Serve `application/graphql-response+json` to clients that ask for it."""
    if _media_type(request) != GRAPHQL_RESPONSE or response.media_type != "application/json":
        return response
    status = response.status_code
    if status == 200 and _document_failed(bytes(response.body)):
        status = 400
    return Response(
        response.body,
        status_code=status,
        headers={
            k: v
            for k, v in response.headers.items()
            if k.lower() not in ("content-type", "content-length")
        },
        media_type=GRAPHQL_RESPONSE,
    )


def _media_type(request: Request) -> str:
    return (
        GRAPHQL_RESPONSE
        if GRAPHQL_RESPONSE in request.headers.get("accept", "")
        else "application/json"
    )


def _document_failed(body: bytes) -> bool:
    try:
        result = json.loads(body)
    except ValueError:
        return False
    if not isinstance(result, dict) or result.get("data") is not None:
        return False
    codes = {(error.get("extensions") or {}).get("code") for error in result.get("errors") or []}
    return bool(codes & DOCUMENT_ERRORS)
