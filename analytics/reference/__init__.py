"""Shipped reference data: word lists and gazetteers, each saying its source and approximation."""
