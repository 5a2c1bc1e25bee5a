"""Oscar's checkout app, forked for the marketplace (one order per PES)."""
