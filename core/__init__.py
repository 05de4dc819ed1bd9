"""Shared model at the bottom of the layers: settings, errors, documents, results."""
