"""``make bench``: every ``bench/bench_*.py`` module's ``run()`` rows, printed as a table and saved as JSON."""
