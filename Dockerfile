# The web app for docker-compose (with Neo4j). The embedded FalkorDB default is for trying out, not here.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY graph ./graph
COPY ingest ./ingest
COPY ontology ./ontology
COPY match ./match
COPY webapp ./webapp
RUN pip install --no-cache-dir . && useradd --system --uid 10001 kaart && mkdir /data && chown kaart /data
USER kaart
EXPOSE 8000
# Schema and ontology first (idempotent), then gunicorn with 2 workers.
CMD ["sh", "-c", "kaart init && exec gunicorn -c python:webapp.gunicorn_conf --workers 2 --bind 0.0.0.0:8000 --access-logfile - --access-logformat '%(h)s \"%(m)s %(U)s\" %(s)s %(b)s %(L)s' webapp.wsgi:app"]
