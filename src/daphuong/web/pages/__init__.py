"""HTML routers (Jinja2 + htmx); each calls the same services as the matching JSON route."""
