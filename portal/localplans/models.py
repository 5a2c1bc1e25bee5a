"""The region's gminas (TERYT) and the status of each gmina's local social economy plan."""
