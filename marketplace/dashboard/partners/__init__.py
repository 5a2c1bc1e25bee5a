"""Oscar's partners dashboard, forked so staff can create a PES with the profile's rules."""
