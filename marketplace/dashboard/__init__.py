"""Oscar dashboard apps forked for the marketplace: each PES sees only its own rows."""
