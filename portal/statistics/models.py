"""The annual report on the social economy (the public statistics are computed, not stored)."""
