"""Customer-facing displays (pole displays)."""
