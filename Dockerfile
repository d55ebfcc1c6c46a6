# kaoju API: the package installed, the seeds extracted into SQLite at build, served by gunicorn.
# With PostgreSQL: docker run -e DATABASE_URL=postgresql://user@host:5432/kaoju -p 8000:8000 kaoju
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    DATABASE_URL=sqlite:////app/instance/kaoju.db

RUN useradd --create-home --uid 10001 kaoju
WORKDIR /app
COPY setup.cfg pyproject.toml README.md ./
COPY service ./service
COPY schemas ./schemas
COPY seeds ./seeds
RUN pip install '.[postgres]' && mkdir -p /app/instance && chown -R kaoju /app/instance

USER kaoju
RUN kaoju extract seeds --no-progress

EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --retries=3 \
  CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz').status != 200)"
CMD ["kaoju", "serve", "--bind", "0.0.0.0:8000"]
