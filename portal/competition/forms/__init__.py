"""The competition's forms: nominations, the public vote and the jury's scores."""
