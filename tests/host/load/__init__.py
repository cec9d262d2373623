"""The load test: concurrent customers and staff over real HTTP against the stand-in
host served by gunicorn with uvicorn workers, then a check of every write."""
