"""Who may call what. Chat-level checks live in `access`, by chat id."""

from __future__ import annotations

from typing import Any

from strawberry.permission import BasePermission

from api.auth.principal import Role
from api.schema.context import Info


class IsAuthenticated(BasePermission):
    message = "Authentication required."
    error_extensions = {"code": "UNAUTHENTICATED"}

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        info.context.caller()  # raises the precise reason (no token, expired, invalid)
        return True


class ReadsAllChats(BasePermission):
    """Staff and integration keys."""

    message = "Only staff and integrations may do this."
    error_extensions = {"code": "FORBIDDEN"}

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        return info.context.caller().reads_all_chats


class CanWrite(BasePermission):
    """End users and staff; integration keys only read."""

    message = "Integration keys are read-only."
    error_extensions = {"code": "FORBIDDEN"}

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        return info.context.caller().role is not Role.INTEGRATION


class IsStaff(BasePermission):
    message = "Only staff may do this."
    error_extensions = {"code": "FORBIDDEN"}

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        return info.context.caller().is_staff


class IsEndUser(BasePermission):
    message = "Only the chat's user may do this."
    error_extensions = {"code": "FORBIDDEN"}

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        return info.context.caller().role is Role.USER
