"""Oscar's catalogue dashboard, forked to scope the product lookup and stock alerts to a PES."""
