"""Use cases; services own transactions, interfaces call services."""
