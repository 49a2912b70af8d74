"""One module per ``bdars`` command; each is thin and calls the pipelines that do the work."""
