"""Persistence: engine, tables, repositories, search backends; the only home of SQL."""
