"""Registry repositories: entities, statements, name and alias lookups, events, merges, export."""
