"""The "Zakup Prospołeczny" certificate: applications, the committee's decisions, verification."""
