"""Oscar's order app, forked for the marketplace (one order per PES)."""
