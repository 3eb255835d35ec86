"""Misconfiguration stops start-up with one line naming the setting; production is the default."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from core.settings import DEV_SECRETS, ConfigError, Settings, load_settings

STRONG_WIDGET = "w" * 40
STRONG_KEY = "k" * 40
OURS = ("ENV", "HOST", "WIDGET_SECRET", "SECRET_KEY", "SMTP_URL", "SMTP_ALLOW_PLAINTEXT")


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in OURS:
        monkeypatch.delenv(name, raising=False)


def config_error(monkeypatch: pytest.MonkeyPatch, **variables: str) -> str:
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError) as raised:
        load_settings()
    message = str(raised.value)
    assert "\n" not in message
    return message


def test_production_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIDGET_SECRET", STRONG_WIDGET)
    monkeypatch.setenv("SECRET_KEY", STRONG_KEY)

    settings = load_settings()

    assert settings.env == "production"
    assert not settings.graphiql_enabled
    assert not settings.introspection_enabled
    assert settings.websocket_origins == []


def test_production_needs_its_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    assert config_error(monkeypatch) == "WIDGET_SECRET must be set when ENV=production"


@pytest.mark.parametrize("name", ["WIDGET_SECRET", "SECRET_KEY"])
def test_production_refuses_the_published_dev_secrets(
    monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    values = {"WIDGET_SECRET": STRONG_WIDGET, "SECRET_KEY": STRONG_KEY}
    values[name] = DEV_SECRETS[name.lower()]

    assert config_error(monkeypatch, **values).startswith(f"{name} is the published dev value")


def test_production_refuses_short_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    message = config_error(monkeypatch, WIDGET_SECRET=STRONG_WIDGET, SECRET_KEY="x" * 31)

    assert message.startswith("SECRET_KEY is too short")


def test_production_refuses_one_secret_for_both(monkeypatch: pytest.MonkeyPatch) -> None:
    message = config_error(monkeypatch, WIDGET_SECRET=STRONG_KEY, SECRET_KEY=STRONG_KEY)

    assert message.startswith("WIDGET_SECRET equals SECRET_KEY")


def test_dev_fills_in_throwaway_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ENV", "dev")

    assert load_settings().secret_key == DEV_SECRETS["secret_key"]


def test_an_unknown_smtp_scheme_names_the_setting_but_not_the_password(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    message = config_error(monkeypatch, ENV="dev", SMTP_URL="smpt://mailer:hunter2secret@mx:25")

    assert message.startswith("SMTP_URL:")
    assert "hunter2secret" not in message


def test_a_password_over_plain_smtp_needs_consent(monkeypatch: pytest.MonkeyPatch) -> None:
    url = "smtp://mailer:hunter2secret@mx.example.test:25"

    message = config_error(monkeypatch, ENV="dev", SMTP_URL=url)
    assert "SMTP_ALLOW_PLAINTEXT" in message
    assert "hunter2secret" not in message

    monkeypatch.setenv("SMTP_ALLOW_PLAINTEXT", "true")
    assert load_settings().smtp_url == url
    assert Settings(env="dev", smtp_url="smtp+starttls://mailer:pw@mx:587").smtp_url


def run_cli(*args: str, **variables: str) -> subprocess.CompletedProcess[str]:
    env = {name: value for name, value in os.environ.items() if name not in OURS}
    return subprocess.run(
        [sys.executable, "-m", "api.cli", *args],
        env={**env, **variables},
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


@pytest.mark.parametrize("command", ["serve", "worker"])
def test_serve_and_worker_refuse_to_start_unconfigured(command: str) -> None:
    result = run_cli(command)

    assert result.returncode == 2
    assert result.stderr == "error: WIDGET_SECRET must be set when ENV=production\n"


def test_serve_refuses_the_dev_secret_in_one_line() -> None:
    result = run_cli("serve", WIDGET_SECRET=DEV_SECRETS["widget_secret"], SECRET_KEY=STRONG_KEY)

    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("error: WIDGET_SECRET is the published dev value")


@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.10", "::"])
def test_dev_mode_listens_on_loopback_only(host: str) -> None:
    from_flag = run_cli("serve", "--host", host, ENV="dev")
    from_setting = run_cli("serve", ENV="dev", HOST=host)

    for result in (from_flag, from_setting):
        assert result.returncode == 2
        assert result.stderr == (
            f"error: ENV=dev listens on loopback only (it hands out test tokens), not {host}\n"
        )
