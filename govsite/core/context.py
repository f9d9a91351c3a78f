"""Who is acting, from where: set per request by middleware, read by the audit trail."""

import contextvars
from dataclasses import dataclass


@dataclass(frozen=True)
class AuditContext:
    user_id: int | None = None
    ip: str | None = None
    request_id: str = ""


_current: contextvars.ContextVar[AuditContext] = contextvars.ContextVar(
    "govsite_audit_context",
    default=AuditContext(),  # noqa: B039  (frozen, never mutated)
)


def current() -> AuditContext:
    return _current.get()


def set_current(ctx: AuditContext) -> contextvars.Token:
    return _current.set(ctx)


def reset(token: contextvars.Token) -> None:
    _current.reset(token)
