"""Direct quotes: where they are, who said them, and which articles carry the same statement.

* :mod:`.spans`: the quoted spans of a text, in the quotation marks of every language with a table.
* :mod:`.attribution`: who said each quote, by the English rules (speech verbs, split quotes, pronouns,
  descriptions, lower-cased text).
* :mod:`.cues`: the same from a language table's cue words, for languages other than English.
* :mod:`.links`: quote groups across articles (one statement, aligned wordings, one speaker) and the choice
  of a group's reference wording.
"""

from __future__ import annotations

from .attribution import find_quotes
from .links import garbled, link_quotes, reference_key, word_diff
from .spans import find_quote_spans

__all__ = ["find_quote_spans", "find_quotes", "garbled", "link_quotes", "reference_key", "word_diff"]
