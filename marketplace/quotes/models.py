"""Quote request models (to be built)."""
