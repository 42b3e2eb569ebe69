"""JSON routers under /api/v1; each calls the same services as the matching page."""
