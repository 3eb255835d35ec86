"""All configuration, read once from the environment."""

from __future__ import annotations

import ipaddress
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DEV_SECRETS = {
    "widget_secret": "dev-widget-secret-not-for-production-use",
    "secret_key": "dev-secret-key-not-for-production-use-at-all",
}
ATTACHMENT_TYPES = (
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/webp",
    "application/pdf",
    "text/plain",
)
MIN_SECRET_LENGTH = 32  # HS256 keys shorter than the hash are weak (RFC 7518, 3.2)
SMTP_SCHEMES = ("smtp", "smtp+starttls", "smtps")


class ConfigError(RuntimeError):
    """Configuration that cannot work; the message names the variable."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(extra="ignore", frozen=True)

    env: Literal["dev", "production"] = "production"  # dev only when asked for: ENV=dev
    host: str = "127.0.0.1"
    port: int = 8000
    # Proxies whose X-Forwarded-For / -Proto uvicorn believes (comma-separated IPs or CIDRs, or *).
    forwarded_allow_ips: str = "127.0.0.1"

    mongodb_url: str = "mongodb://127.0.0.1:27017/"
    mongodb_db: str = "support_chat"
    mongodb_timeout_ms: int = Field(default=5_000, gt=0)  # then UNAVAILABLE
    # Diagnostics: log the shape of every query command here (the tests check index use).
    mongodb_command_log_dir: str | None = None
    redis_url: str = "redis://127.0.0.1:6379/0"
    smtp_url: str = "smtp://127.0.0.1:1025"
    smtp_allow_plaintext: bool = False  # allow a password over smtp:// without STARTTLS

    # Secrets: dev gets throwaway values, production must set them.
    widget_secret: str = ""
    secret_key: str = ""

    app_name: str = "Acme"  # emails say "New reply from Acme Support"
    app_url: str = "http://127.0.0.1:8000/demo"
    public_url: str = "http://127.0.0.1:8000"
    email_from: str = ""
    email_delay_seconds: float = Field(default=300, ge=0)
    allowed_origins: Annotated[list[str], NoDecode] = []
    graphiql: bool | None = None  # default: on in dev, off in production
    introspection: bool | None = None  # default: on in dev, off in production
    staff_token_hours: float = Field(default=12, gt=0)
    # What the widget says while no staff member has the dashboard open.
    away_message: str = "We're away right now. Leave a message and we'll reply by email."
    # A staff member counts as online this long after their dashboard last checked in
    # (it checks in every third of it): how soon a crashed tab goes offline.
    presence_ttl_seconds: float = Field(default=40, ge=1, le=300)
    unsubscribe_token_days: float = Field(default=60, gt=0)
    metrics_token: str = ""  # Bearer token for /metrics; unset: /metrics answers 404
    log_format: Literal["json", "text"] | None = None  # default: text in dev, json in production
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"

    # Limits on what one request may ask of the server.
    max_query_depth: int = Field(default=10, gt=0)
    max_query_tokens: int = Field(default=2_000, gt=0)
    max_aliases: int = Field(default=15, gt=0)
    max_body_bytes: int = Field(default=64 * 1024, gt=0)
    max_ws_frame_bytes: int = Field(default=64 * 1024, gt=0)
    max_subscriptions_per_connection: int = Field(default=20, gt=0)
    # Estimated nodes one operation may return: `first`/`last` multiply what they nest.
    max_query_cost: int = Field(default=5_000, gt=0)
    # Live events one subscription may fall behind before its socket is closed (4008).
    subscriber_queue_limit: int = Field(default=1_000, gt=0)
    # Rate limits, per RATE_WINDOW_SECONDS, shared by every API process through Redis.
    rate_window_seconds: int = Field(default=60, gt=0)
    rate_send_per_user: int = Field(default=60, gt=0)
    rate_send_per_ip: int = Field(default=600, gt=0)
    rate_login_per_ip: int = Field(default=20, gt=0)  # every attempt counts
    rate_login_per_email: int = Field(default=10, gt=0)  # only failed attempts count
    rate_upload_per_user: int = Field(default=30, gt=0)
    # Attachments: what an upload may be, how long its links last, when an unsent one goes.
    attachment_max_bytes: int = Field(default=10 * 1024 * 1024, gt=0)
    attachment_max_pixels: int = Field(default=40_000_000, gt=0)  # decoded size of an image
    attachment_types: Annotated[list[str], NoDecode] = list(ATTACHMENT_TYPES)
    attachment_url_seconds: int = Field(default=3600, ge=60)
    attachment_orphan_seconds: float = Field(default=24 * 3600, gt=0)
    # How long a killed worker's unacknowledged jobs wait before another worker takes them.
    worker_heartbeat_ms: int = Field(default=60_000, gt=0)
    # Broker commands per million that also requeue the jobs of workers that died.
    worker_maintenance_chance: int = Field(default=1_000, ge=0, le=1_000_000)

    # Live delivery: how often each process looks for stored messages its
    # subscribers have not had (one query per check), and how long a
    # `newUserMessage` cursor stays good.
    live_check_seconds: float = Field(default=1.5, gt=0)
    feed_retention_days: float = Field(default=7, gt=0)
    # Test-only fault (honoured only when ENV=dev): store messages, never announce them.
    dev_drop_message_events: bool = False

    mail_dir: str | None = None  # dev: where the SMTP sink keeps mail, shown at /dev/mail

    dev_staff_email: str = "admin@example.com"
    dev_staff_password: str = "admin"

    @field_validator("allowed_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [origin.strip() for origin in value.split(",") if origin.strip()]
        return value

    @field_validator("attachment_types", mode="before")
    @classmethod
    def _split_types(cls, value: object) -> object:
        if isinstance(value, str):
            return [kind.strip().lower() for kind in value.split(",") if kind.strip()]
        return value

    @field_validator("attachment_types")
    @classmethod
    def _known_types(cls, value: list[str]) -> list[str]:
        unknown = sorted(set(value) - set(ATTACHMENT_TYPES))
        if unknown:
            raise ValueError(f"unknown types {unknown}; choose from {list(ATTACHMENT_TYPES)}")
        return value

    @field_validator("smtp_url")
    @classmethod
    def _known_smtp_scheme(cls, value: str) -> str:
        scheme = urlsplit(value).scheme
        if scheme not in SMTP_SCHEMES:
            # Never echo the URL: it may carry the password.
            raise ValueError(
                f"the scheme must be smtp://, smtp+starttls:// or smtps://, not {scheme or 'none'}"
            )
        return value

    @model_validator(mode="after")
    def _safe_for_its_env(self) -> Settings:
        if not self.is_dev:
            self._refuse_weak_secrets()
        for name, dev_value in DEV_SECRETS.items():
            if not getattr(self, name):
                object.__setattr__(self, name, dev_value)
        self._refuse_plaintext_smtp_password()
        return self

    def _refuse_weak_secrets(self) -> None:
        for name, dev_value in DEV_SECRETS.items():
            value = getattr(self, name)
            if not value:
                raise ValueError(f"{name.upper()} must be set when ENV=production")
            if value == dev_value:
                raise ValueError(
                    f"{name.upper()} is the published dev value; set your own random one"
                )
            if len(value) < MIN_SECRET_LENGTH:
                raise ValueError(
                    f"{name.upper()} is too short when ENV=production"
                    f" (at least {MIN_SECRET_LENGTH} random characters)"
                )
        if self.widget_secret == self.secret_key:
            raise ValueError(
                "WIDGET_SECRET equals SECRET_KEY: whoever holds the widget secret could sign"
                " staff tokens; use two different values"
            )

    def _refuse_plaintext_smtp_password(self) -> None:
        parts = urlsplit(self.smtp_url)
        if parts.scheme == "smtp" and parts.password and not self.smtp_allow_plaintext:
            raise ValueError(
                "SMTP_URL sends its password unencrypted over smtp://: use smtp+starttls:// or"
                " smtps://, or set SMTP_ALLOW_PLAINTEXT=true"
            )

    @property
    def is_dev(self) -> bool:
        return self.env == "dev"

    @property
    def graphiql_enabled(self) -> bool:
        return self.is_dev if self.graphiql is None else self.graphiql

    @property
    def introspection_enabled(self) -> bool:
        return self.is_dev if self.introspection is None else self.introspection

    @property
    def websocket_origins(self) -> list[str]:
        """Other sites whose pages may call the API and open its WebSocket (dev: any)."""
        return self.allowed_origins or (["*"] if self.is_dev else [])

    @property
    def log_as_json(self) -> bool:
        return self.log_format == "json" if self.log_format else not self.is_dev

    @property
    def sender_address(self) -> str:
        return self.email_from or f"{self.app_name} Support <support@localhost>"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def load_settings() -> Settings:
    """Read the settings, turning validation errors into one line naming the variable."""
    try:
        return Settings()
    except ValidationError as error:
        first = error.errors()[0]
        variable = ".".join(str(part) for part in first["loc"]).upper()
        message = first["msg"].removeprefix("Value error, ")
        raise ConfigError(f"{variable}: {message}" if variable else message) from None
