"""Oscar's orders dashboard, forked to show status labels and only the PES's own lines."""
