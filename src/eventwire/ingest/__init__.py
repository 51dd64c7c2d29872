"""Ingest: input files, directories and standard input into ``Article`` records.

``iter_articles(paths, on_error)`` (``eventwire.ingest.sources``) is the one
entry point every job reads through; formats are readers registered by suffix
in ``eventwire.ingest.readers`` (``register``).
"""

from eventwire.ingest.readers import (  # noqa: F401
    READERS,
    article_from_record,
    decode_text,
    reader_for,
    register,
    split_title,
)

# more formats register themselves on import (HTML, CSV, feeds, WARC, gzip)
from eventwire.ingest import compressed, csvfile, feeds, html, warc  # noqa: F401,E402
from eventwire.ingest.sources import iter_articles, read_path  # noqa: F401,E402
