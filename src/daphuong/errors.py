"""One exception hierarchy; each error knows its HTTP status, CLI exit code and stable code."""

from __future__ import annotations


class DaphuongError(Exception):
    """Base of every error the application raises on purpose."""

    code = "error"
    http_status = 500
    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class IngestError(DaphuongError):
    """A file could not be read, decoded or stored; names the file and the reason."""

    code = "ingest_failed"
    http_status = 422

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ConfigError(DaphuongError):
    """Settings or pipeline configuration is invalid."""

    code = "config_invalid"
    exit_code = 2


class InvalidInput(DaphuongError):
    """A request or argument is malformed."""

    code = "invalid_input"
    http_status = 400
    exit_code = 2


class NotFound(DaphuongError):
    """The requested record does not exist or is not visible to the caller."""

    code = "not_found"
    http_status = 404


class PermissionDenied(DaphuongError):
    """The caller may not perform this action."""

    code = "permission_denied"
    http_status = 403


class Conflict(DaphuongError):
    """The change conflicts with the current state."""

    code = "conflict"
    http_status = 409
