"""Starting the load generator (`python -m bench.load`) from the orchestrator, bounded in time."""

from __future__ import annotations

import contextlib
import json
import os
import selectors
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import Any

from bench.servers import LOG_DIR


class GeneratorFailed(RuntimeError):
    pass


class Generator:
    """One load generator process; always stopped (with its whole process group) on exit."""

    def __init__(self, spec: dict[str, Any], *, interactive: bool = False) -> None:
        self._directory = Path(tempfile.mkdtemp(prefix="bench-load-"))
        self._spec_path = self._directory / "spec.json"
        self._result_path = self._directory / "result.json"
        self._spec_path.write_text(json.dumps(spec))
        LOG_DIR.mkdir(parents=True, exist_ok=True)
        self._log_path = LOG_DIR / f"load-{spec['kind']}-{time.time_ns()}.log"
        self._log = self._log_path.open("wb")
        self._process = subprocess.Popen(
            [sys.executable, "-m", "bench.load", str(self._spec_path), str(self._result_path)],
            stdin=subprocess.PIPE if interactive else subprocess.DEVNULL,
            stdout=subprocess.PIPE if interactive else self._log,
            stderr=self._log,
            start_new_session=True,
        )

    def __enter__(self) -> Generator:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.stop()

    def read_line(self, timeout: float) -> dict[str, Any]:
        """The next JSON line the generator prints (interactive mode)."""
        assert self._process.stdout is not None
        with selectors.DefaultSelector() as selector:
            selector.register(self._process.stdout, selectors.EVENT_READ)
            if not selector.select(timeout):
                raise GeneratorFailed(f"the load generator said nothing for {timeout:.0f}s")
        line = self._process.stdout.readline()
        if not line:
            self._process.wait(5)
            raise GeneratorFailed(f"the load generator stopped early: {self._tail()}")
        answer: dict[str, Any] = json.loads(line)
        return answer

    def write_line(self, text: str) -> None:
        assert self._process.stdin is not None
        self._process.stdin.write(text.encode() + b"\n")
        self._process.stdin.flush()

    def result(self, timeout: float) -> dict[str, Any]:
        """Wait for the generator to finish; its result."""
        try:
            code = self._process.wait(timeout)
        except subprocess.TimeoutExpired:
            raise GeneratorFailed(f"the load generator ran over {timeout:.0f}s") from None
        if code != 0 or not self._result_path.exists():
            raise GeneratorFailed(f"the load generator failed (exit {code}): {self._tail()}")
        answer: dict[str, Any] = json.loads(self._result_path.read_text())
        return answer

    def stop(self) -> None:
        if self._process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self._process.pid, signal.SIGKILL)
            self._process.wait()
        for stream in (self._process.stdin, self._process.stdout):
            if stream is not None:
                stream.close()
        self._log.close()
        for path in (self._spec_path, self._result_path):
            path.unlink(missing_ok=True)
        self._directory.rmdir()

    def _tail(self) -> str:
        self._log.flush()
        text = self._log_path.read_text(errors="replace").strip()
        return text[-2000:] or f"(no output; log {self._log_path})"


def run_generator(spec: dict[str, Any], timeout: float) -> dict[str, Any]:
    with Generator(spec) as generator:
        return generator.result(timeout)
