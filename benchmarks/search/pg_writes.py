"""Where PostgreSQL indexing time goes on the server: the same rows COPYed into table variants.

Run: `PYTHONPATH=. .venv/bin/python -m benchmarks.search.pg_writes --url URL --rows 5000`
against a database indexed by the benchmark (e.g. one kept by `pg_plans --keep`). The
oldest ROWS rows of search_docs (and their facet rows) are copied out once, then COPYed
into a fresh copy of the table per variant: without the GIN index, with it (fastupdate on,
off, a 64 MB pending list), the index built after the rows (two maintenance_work_mem
sizes), with the foreign key to documents; facet rows with and without their two foreign
keys. Only server work is timed (the text of the rows is already made); the least of --repeat runs.
"""

from __future__ import annotations

import argparse
import sys
import time

import psycopg

TABLE = (
    "CREATE TABLE w_docs (LIKE search_docs INCLUDING DEFAULTS);"
    "ALTER TABLE w_docs ADD PRIMARY KEY (doc_id); ALTER TABLE w_docs ADD UNIQUE (sort_key);"
)
GIN = "CREATE INDEX w_docs_gin ON w_docs USING gin (vector)"
# name: (before the COPY, in its transaction, after it: each timed with the COPY)
VARIANTS = {
    "no GIN index": ("", "", ""),
    "GIN, fastupdate on (default 4 MB pending list)": (GIN, "", ""),
    "GIN, fastupdate off": (GIN + " WITH (fastupdate = off)", "", ""),
    "GIN, 64 MB pending list, flushed after": (
        GIN + " WITH (gin_pending_list_limit = 65536)",
        "",
        "SELECT gin_clean_pending_list('w_docs_gin')",
    ),
    "GIN built after, maintenance_work_mem 64 MB": (
        "",
        "",
        "SET maintenance_work_mem = '64MB';" + GIN,
    ),
    "GIN built after, maintenance_work_mem 256 MB": (
        "",
        "",
        "SET maintenance_work_mem = '256MB';" + GIN,
    ),
    "GIN, synchronous_commit off": (GIN, "SET LOCAL synchronous_commit = off", ""),
    "GIN + foreign key to documents": (
        GIN + "; ALTER TABLE w_docs ADD FOREIGN KEY (doc_id) REFERENCES documents(id)",
        "",
        "",
    ),
}


def _export(conn: psycopg.Connection, query: str) -> bytes:
    out = bytearray()
    with conn.cursor() as cur, cur.copy(f"COPY ({query}) TO STDOUT") as copy:
        for chunk in copy:
            out += chunk
    return bytes(out)


def _load(conn: psycopg.Connection, table: str, data: bytes) -> None:
    with conn.cursor() as cur, cur.copy(f"COPY {table} FROM STDIN") as copy:
        copy.write(data)


def _timed(conn: psycopg.Connection, steps: tuple[str, str, str], data: bytes) -> float:
    before, inside, after = steps
    conn.execute("DROP TABLE IF EXISTS w_docs CASCADE")
    conn.execute(TABLE)
    if before:
        conn.execute(before)
    conn.commit()
    conn.execute("CHECKPOINT")
    conn.commit()
    began = time.perf_counter()
    if inside:
        conn.execute(inside)
    _load(conn, "w_docs", data)
    conn.commit()
    if after:
        conn.execute(after)
        conn.commit()
    return time.perf_counter() - began


def main(argv: list[str]) -> int:
    """Copy the rows out, time each variant, print ms per document."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.search.pg_writes")
    parser.add_argument("--url", required=True)
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=2, help="runs per variant; the least")
    args = parser.parse_args(argv)
    url = args.url.replace("postgresql+psycopg://", "postgresql://", 1)
    with psycopg.connect(url) as conn:
        oldest = f"SELECT * FROM search_docs ORDER BY sort_key LIMIT {args.rows}"
        docs = _export(conn, oldest)
        facets = _export(
            conn,
            f"SELECT f.doc_key, f.value_id FROM search_facets f JOIN ({oldest}) d "
            "ON d.sort_key = f.doc_key",
        )
        print(f"{args.rows} rows: {len(docs) / 1e6:.1f} MB of COPY text, {len(facets)} B of facets")
        for name, steps in VARIANTS.items():
            spent = min(_timed(conn, steps, docs) for _ in range(args.repeat))
            print(f"{name}: {spent:.2f} s ({1e3 * spent / args.rows:.2f} ms a document)")
        for name, keys in (
            ("facet rows, no foreign keys", ""),
            (
                "facet rows, two foreign keys",
                "ALTER TABLE w_facets ADD FOREIGN KEY (doc_key) REFERENCES w_docs(sort_key);"
                "ALTER TABLE w_facets ADD FOREIGN KEY (value_id) "
                "REFERENCES search_facet_values(id)",
            ),
        ):
            conn.execute("DROP TABLE IF EXISTS w_facets")
            conn.execute(
                "CREATE TABLE w_facets (doc_key bigint, value_id int,"
                " PRIMARY KEY (doc_key, value_id));"
                "CREATE INDEX ON w_facets (value_id, doc_key)"
            )
            if keys:
                conn.execute(keys)
            conn.commit()
            began = time.perf_counter()
            _load(conn, "w_facets", facets)
            conn.commit()
            spent = time.perf_counter() - began
            print(f"{name}: {spent:.2f} s ({1e3 * spent / args.rows:.2f} ms a document)")
        conn.execute("DROP TABLE IF EXISTS w_facets; DROP TABLE IF EXISTS w_docs CASCADE")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
