"""Oscar's shipping app, forked for the marketplace (one order per PES)."""
