"""The matcher: Dutch NLP (match.nlp), full-text index (match.index) and ranking (match.engine).

Its own package because the CLI (`kaart match`, `kaart eval`), the JSON API and the professional pages all use
it, and none of them should own it. It knows nothing of the web layer: the Flask glue (one matcher per app)
and the one entry point for a hulpvraag are in webapp/answer.py.
"""
