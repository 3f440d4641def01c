"""Writing timelines out: JSON here; each format in its own module, written atomically."""
