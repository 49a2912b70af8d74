"""Extractors that turn free-text bad date reports into normalised features."""
