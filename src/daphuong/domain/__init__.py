"""Plain dataclasses shared by every layer; no I/O, no framework imports."""
