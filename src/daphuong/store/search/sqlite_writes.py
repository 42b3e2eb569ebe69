"""SQLite FTS5 backend, the write path: documents, facet rows and token streams as tuples."""

from __future__ import annotations

from collections.abc import Sequence
from operator import itemgetter

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from daphuong.store.search.base import SqlSearchIndex
from daphuong.store.search.meta import sort_key
from daphuong.store.search.prepare import IndexedDocument, fts_text
from daphuong.store.search.sqlite_reads import tune
from daphuong.store.search.tables import DOCS

# FTS5's pending terms before it writes them out as a segment (its default is 1 MB): a
# rebuild's transactions of thousands of documents then make one segment each, not one a
# megabyte (CPU a document of FTS5's writes 0.208 -> 0.143 ms at 200k, with 4,000-document
# transactions). Stored in the table's configuration; one-document ingest is unaffected.
HASH_BYTES = 32 << 20


def _pending_limit(session: Session) -> None:
    """FTS5's hashsize set to HASH_BYTES (checked once per pooled connection)."""
    conn = session.connection()
    info = conn.connection.info
    if info.get("search_hash_bytes") == HASH_BYTES:
        return
    stored = conn.exec_driver_sql("SELECT v FROM search_fts_config WHERE k = 'hashsize'").first()
    if stored is None or stored[0] != HASH_BYTES:
        conn.exec_driver_sql(
            f"INSERT INTO search_fts(search_fts, rank) VALUES ('hashsize', {HASH_BYTES})"
        )
    info["search_hash_bytes"] = HASH_BYTES


class SqliteWrites(SqlSearchIndex):
    """How the FTS5 backend stores, replaces and deletes indexed documents."""

    def index_documents(self, session: Session, docs: Sequence[IndexedDocument]) -> None:
        """Replace rows, facets and token streams of these documents."""
        tune(session)
        _pending_limit(session)
        super().index_documents(session, docs)

    # Bulk writes go to the driver as tuples: SQLAlchemy's per-row parameter processing cost
    # more than SQLite's B-tree inserts (ten facet rows a document).
    def _insert_docs(
        self, session: Session, docs: Sequence[IndexedDocument], metas: Sequence[list[str]]
    ) -> None:
        conn = session.connection()
        stored = DOCS.c.published.type.dialect_impl(conn.dialect).bind_processor(conn.dialect)
        rows = [
            (
                d.doc_id,
                sort_key(d.published, d.doc_id),
                d.visibility,
                d.owner_org_id,
                stored(d.published) if stored and d.published is not None else d.published,
            )
            for d in docs
        ]
        conn.exec_driver_sql(
            "INSERT INTO search_docs(doc_id, sort_key, visibility, owner_org_id, published) "
            "VALUES (?, ?, ?, ?, ?)",
            rows,
        )
        self._write_text(session, docs, metas)

    def _write_facet_rows(self, session: Session, rows: list[dict[str, int]]) -> None:
        if rows:
            session.connection().exec_driver_sql(
                "INSERT INTO search_facets(doc_key, value_id) VALUES (?, ?)",
                [(r["doc_key"], r["value_id"]) for r in rows],
            )

    def _write_text(
        self, session: Session, docs: Sequence[IndexedDocument], metas: Sequence[list[str]]
    ) -> None:
        rows = [
            (sort_key(d.published, d.doc_id), *fts_text(d), " ".join(meta))
            for d, meta in zip(docs, metas, strict=True)
        ]
        # In ascending rowid order: FTS5 writes its pending terms out as a new segment
        # whenever a rowid is lower than the one before it in the transaction, and documents
        # come by id, their sort keys by publication date: that was a segment every second
        # document, and merging them most of the writing's CPU.
        rows.sort(key=itemgetter(0))
        session.connection().exec_driver_sql(
            "INSERT INTO search_fts(rowid, title_f, body_f, exact, meta) VALUES (?, ?, ?, ?, ?)",
            rows,
        )

    def _delete_text(self, session: Session, keys: Sequence[int]) -> None:
        session.execute(
            text("DELETE FROM search_fts WHERE rowid IN :keys").bindparams(
                bindparam("keys", expanding=True)
            ),
            {"keys": list(keys)},
        )

    def _rewrite_meta(self, session: Session, key: int, old: list[str], new: list[str]) -> None:
        session.execute(
            text("UPDATE search_fts SET meta = :m WHERE rowid = :k"), {"m": " ".join(new), "k": key}
        )
