"""Application settings; the only module that reads environment variables (DAPHUONG_*)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from platformdirs import user_data_dir
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_STAGES = ("normalize", "clean", "extract")


class Settings(BaseSettings):
    """Every tunable of daphuong, each documented in docs/configuration.md."""

    model_config = SettingsConfigDict(env_prefix="DAPHUONG_", extra="forbid")

    database_url: str | None = Field(
        default=None, description="SQLAlchemy URL; default: SQLite in the user data directory"
    )
    data_dir: Path = Field(
        default_factory=lambda: Path(user_data_dir("daphuong")),
        description="Where the embedded SQLite database and uploads live",
    )
    max_file_bytes: int = Field(
        default=50 * 1024 * 1024, description="Files larger than this are refused at ingest"
    )
    pipeline: tuple[str, ...] = Field(
        default=DEFAULT_STAGES, description="Ordered stage names run on every ingested document"
    )
    secret_key: str = Field(
        default="dev-only-change-me", description="Signs session cookies and CSRF tokens"
    )
    secure_cookies: bool = Field(
        default=False, description="Mark cookies Secure (set true behind HTTPS)"
    )
    log_level: str = Field(default="WARNING", description="Python logging level")
    read_cache_entries: int = Field(
        default=512,
        ge=0,
        description="Page data each web process keeps until the next committed write (0: off)",
    )
    search_index_workers: int = Field(
        default=0,
        ge=0,
        description="Processes preparing documents when the search index is rebuilt"
        " (0: one per CPU; 1: in the rebuilding process)",
    )

    def resolved_database_url(self) -> str:
        """The database URL in force: explicit, or SQLite in the data directory."""
        if self.database_url:
            return self.database_url
        self.data_dir.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{self.data_dir / 'daphuong.db'}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Settings read once from the environment."""
    return Settings()
