"""The public database of PES: listing with facets, profiles, shortlist, exports and open data."""
