"""eventwire: political event data from news text.

Articles in, PLOVER events, actors, places, dates and quotes out.
"""

__version__ = "0.1.0"
