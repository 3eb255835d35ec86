"""All configuration, read once from the environment."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DEV_SECRETS = {
    "widget_secret": "dev-widget-secret-not-for-production-use",
    "secret_key": "dev-secret-key-not-for-production-use-at-all",
}
MIN_SECRET_LENGTH = 32  # HS256 keys shorter than the hash are weak (RFC 7518, 3.2)


class ConfigError(RuntimeError):
    """Configuration that cannot work; the message names the variable."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(extra="ignore", frozen=True)

    env: Literal["dev", "production"] = "dev"
    host: str = "127.0.0.1"
    port: int = 8000

    mongodb_url: str = "mongodb://127.0.0.1:27017/"
    mongodb_db: str = "support_chat"
    mongodb_timeout_ms: int = Field(default=5_000, gt=0)  # then UNAVAILABLE
    redis_url: str = "redis://127.0.0.1:6379/0"
    smtp_url: str = "smtp://127.0.0.1:1025"

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

    # Limits on what one request may ask of the server.
    max_query_depth: int = Field(default=10, gt=0)
    max_query_tokens: int = Field(default=2_000, gt=0)
    max_aliases: int = Field(default=15, gt=0)
    max_body_bytes: int = Field(default=64 * 1024, gt=0)
    max_ws_frame_bytes: int = Field(default=64 * 1024, gt=0)
    max_subscriptions_per_connection: int = Field(default=20, gt=0)
    # Rate limits, per RATE_WINDOW_SECONDS, shared by every API process through Redis.
    rate_window_seconds: int = Field(default=60, gt=0)
    rate_send_per_user: int = Field(default=60, gt=0)
    rate_send_per_ip: int = Field(default=600, gt=0)
    rate_login_per_ip: int = Field(default=20, gt=0)
    rate_login_per_email: int = Field(default=10, gt=0)
    # How long a killed worker's unacknowledged jobs wait before another worker takes them.
    worker_heartbeat_ms: int = Field(default=60_000, gt=0)
    # Broker commands per million that also requeue the jobs of workers that died.
    worker_maintenance_chance: int = Field(default=1_000, ge=0, le=1_000_000)

    mail_dir: str | None = None  # dev: where the SMTP sink keeps mail, shown at /dev/mail

    dev_staff_email: str = "admin@example.com"
    dev_staff_password: str = "admin"

    @field_validator("allowed_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [origin.strip() for origin in value.split(",") if origin.strip()]
        return value

    @model_validator(mode="after")
    def _require_secrets(self) -> Settings:
        for name, dev_value in DEV_SECRETS.items():
            value = getattr(self, name)
            if self.env == "production" and len(value) < MIN_SECRET_LENGTH:
                problem = "is too short" if value else "must be set"
                raise ValueError(
                    f"{name.upper()} {problem} when ENV=production"
                    f" (at least {MIN_SECRET_LENGTH} random characters)"
                )
            if not value:
                object.__setattr__(self, name, dev_value)
        return self

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
    def sender_address(self) -> str:
        return self.email_from or f"{self.app_name} Support <support@localhost>"


def load_settings() -> Settings:
    """Read the settings, turning validation errors into one line naming the variable."""
    try:
        return Settings()
    except ValidationError as error:
        first = error.errors()[0]
        variable = ".".join(str(part) for part in first["loc"]).upper()
        message = first["msg"].removeprefix("Value error, ")
        raise ConfigError(f"{variable}: {message}" if variable else message) from None
