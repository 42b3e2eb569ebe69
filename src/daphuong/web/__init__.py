"""The web app and JSON API: HTML pages and /api/v1 fed by the same services."""
