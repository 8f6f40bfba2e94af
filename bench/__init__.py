"""Benchmarks (see PERFORMANCE.md): `nagesprek bench NAME --size S|M|L --json PATH`."""
