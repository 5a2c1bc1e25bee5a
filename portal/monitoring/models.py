"""Indicators, yearly targets and the OWES's quarterly reports against them."""
