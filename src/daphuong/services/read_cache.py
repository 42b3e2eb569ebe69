"""Per-process memo of read-only service results, per visibility scope and data version."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar, cast

from daphuong.domain.access import Principal
from daphuong.store.data_version import DataVersion
from daphuong.store.engine import Database

T = TypeVar("T")
# Entries kept per process; an organization's page is the largest (a few hundred kB).
DEFAULT_ENTRIES = 512


class ReadCache:
    """Results of read-only calls, valid while no write has been committed anywhere.

    An entry is keyed by what was asked and by the caller's visibility scope, so one caller's
    view never reaches another who may see different records. Every lookup first reads the
    database's data version (see store.data_version): any committed write, from this process
    or another, empties the cache. Values are shared between requests: callers must treat them
    as read-only. With `max_entries=0`, or where the database offers no data version, every
    call computes afresh.
    """

    def __init__(self, version: DataVersion, max_entries: int = DEFAULT_ENTRIES) -> None:
        self.version = version
        self.max_entries = max_entries
        self._lock = threading.Lock()
        self._seen: str | None = None
        self._entries: OrderedDict[Hashable, object] = OrderedDict()
        self.hits = 0
        self.misses = 0

    @classmethod
    def for_database(cls, db: Database, max_entries: int = DEFAULT_ENTRIES) -> ReadCache:
        """A cache invalidated by commits to `db`."""
        return cls(DataVersion(db.engine), max_entries)

    @property
    def enabled(self) -> bool:
        """Whether results are kept at all."""
        return self.max_entries > 0 and self.version.supported

    def get(self, key: Hashable, who: Principal, compute: Callable[[], T]) -> T:
        """The cached result for `key` as `who` may see it, computing it on a miss."""
        if not self.enabled:
            return compute()
        # Read the version before computing: the result then reflects at least that version,
        # so storing it under this version can never serve data older than the version says.
        version = self.version.current()
        full_key = (key, who.visibility_scope)
        with self._lock:
            if version != self._seen:
                self._entries.clear()
                self._seen = version
            if full_key in self._entries:
                self._entries.move_to_end(full_key)
                self.hits += 1
                return cast(T, self._entries[full_key])
            self.misses += 1
        value = compute()
        with self._lock:
            if self._seen == version:  # a newer version may have arrived meanwhile
                self._entries[full_key] = value
                while len(self._entries) > self.max_entries:
                    self._entries.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._entries)
