"""Everything of bdars that touches the outside world: files, the database, the command line."""
