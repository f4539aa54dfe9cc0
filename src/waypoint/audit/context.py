"""The request an audit event belongs to, set by middleware and read by audit services."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class RequestContext:
    request_id: str = ""
    ip_address: str | None = None


current_request: ContextVar[RequestContext] = ContextVar(
    "waypoint_request",
    default=RequestContext(),  # noqa: B039 (frozen dataclass)
)
