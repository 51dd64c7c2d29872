"""Jobs: read articles, run the pipeline, write or store what it coded.

- ``eventwire.jobs.code``: articles -> documents written as JSON lines, flat
  events or CSV (``eventwire code``).
- ``eventwire.jobs.ingest``: articles -> the store, in resumable batches
  (``eventwire ingest``).

Every job reads through ``eventwire.ingest.iter_articles``; the store never
runs the pipeline and the command line only parses options and prints.
"""
