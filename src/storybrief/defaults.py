"""User-facing defaults shared by the library and the command line.

They live in a module that imports nothing, so that the command line can declare its options without
importing the stages (and numpy, scipy, spaCy behind them) before it has started spaCy's workers.
"""

from __future__ import annotations

SUMMARY_WORDS = 120  # word budget of a story's summary (--words)
TIMELINE_DATES = 10  # dates per timeline (--timeline-dates)
TIMELINE_SENTENCES = 1  # sentences per timeline date (--timeline-sentences)
MAX_BYTES = 20 * 1024 * 1024  # size limit per input file (--max-size)
# Size limit of a JSONL, JSON or WARC file as a whole (unpacked), whose records --max-size limits one by one;
# never below --max-size. JSONL and WARC are streamed; a JSON file is parsed whole, so it is held in memory.
MAX_CONTAINER_BYTES = 2 * 1024**3
