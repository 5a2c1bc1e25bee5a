"""Plain helpers shared by tests (no fixtures, no test data builders: those are in
tests/factories/): PDFs, the HTML checker, the shop's checkout steps, clocks, threads,
Elasticsearch settings and the browser."""
