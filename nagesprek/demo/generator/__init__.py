"""Generate the demo data from the catalogue with one seeded random.Random (never the global one)."""
