"""The domain of bdars: pure functions over pandas objects. No file or database I/O here."""
