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
# The trained word models (themes, safety, who is typing) as artefacts in the image, so a container starts warm
# instead of training them in every process (ADR 0146). Inside the image, not on the /data volume that would hide
# them; read-only at run time (a changed key would train in memory, never write here).
ENV KAART_MODEL_DIR=/app/models
RUN KAART_DATA_DIR=/tmp/kaart-build kaart models && rm -rf /tmp/kaart-build
USER kaart
EXPOSE 8000
# Schema and ontology first (idempotent), then gunicorn with 2 workers.
CMD ["sh", "-c", "kaart init && exec gunicorn -c python:webapp.gunicorn_conf --workers 2 --bind 0.0.0.0:8000 --access-logfile - --access-logformat '%(h)s \"%(m)s %(U)s\" %(s)s %(b)s %(L)s' webapp.wsgi:app"]
