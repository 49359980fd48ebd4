"""Importers: read a source into plain frozen records, validate them, upsert them into the graph in batches."""
