from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from documents import connect, init_db


@pytest.fixture
async def beanie_ready(env: dict[str, str]) -> AsyncIterator[None]:
    """Beanie documents can only be built once Beanie knows their database."""
    client = connect(env["MONGODB_URL"])
    await init_db(client, env["MONGODB_DB"])
    yield
    await client.close()
