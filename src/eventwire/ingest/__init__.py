"""Ingest: input files, directories and standard input into ``Article`` records.

``iter_articles(paths, on_error)`` is the entry point; formats are readers
registered by suffix in ``eventwire.ingest.readers`` (``register``).
"""

from eventwire.ingest.readers import (  # noqa: F401
    READERS,
    article_from_record,
    decode_text,
    iter_articles,
    reader_for,
    register,
    split_title,
)

# more formats register themselves on import (HTML, CSV, feeds, WARC, gzip)
from eventwire.ingest import compressed, csvfile, feeds, html, warc  # noqa: F401,E402
