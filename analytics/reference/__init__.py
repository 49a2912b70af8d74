"""Shipped reference data (word lists, gazetteers); each file names its source and how approximate it is."""
