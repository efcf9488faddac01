"""Making article text safe to show: Markdown escaping, bidi controls, terminal control characters.

Everything storybrief renders comes from articles somebody else wrote, so a title, an outlet or a quote
may carry Markdown or HTML syntax, newlines that start new blocks, bidi overrides that reorder what the
reader sees, or escape sequences for a terminal. The renderers and the command line pass every such
string through the functions here, so that it shows as written and does nothing else.
"""

from __future__ import annotations

import re

# Overrides, embeddings and isolates reorder the text around them (the "Trojan Source" characters).
# The marks U+200E/U+200F only set the direction of neutral characters and are left alone.
_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_BIDI_RE = re.compile(f"[{_BIDI}]")
# C0 controls but tab, newline and carriage return (line breaks are the caller's), DEL, the C1 controls.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LINE_BREAK_RE = re.compile(r"\s*[\n\r\x0b\x0c\x85\u2028\u2029]\s*")

# ASCII punctuation that can start inline syntax anywhere in a line: emphasis, links and images, code
# spans, raw HTML and autolinks, entities, strikethrough, tables, and the backslash itself.
_MD_INLINE_RE = re.compile(r"([\\`*_\[\]()!<>&~|])")
# What can open a block at the start of a line: headings, quotes, list items, thematic breaks, setext
# underlines, fenced code, ordered list items ("1." or "1)").
_MD_LINE_START_RE = re.compile(r"^([#>+\-=])|^(\d+)([.)])")


def visible_bidi(text: str) -> str:
    """Bidi overrides, embeddings and isolates shown as ``<U+202E>`` instead of reordering the text."""
    return _BIDI_RE.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


def visible_controls(text: str) -> str:
    """Bidi controls and control characters (not tab, newline, carriage return) shown as ``<U+001B>``."""
    text = visible_bidi(text)
    return _CONTROL_RE.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


def one_line(text: str) -> str:
    """Line breaks (with the blanks around them) collapsed to one space: for titles, names, ids."""
    return _LINE_BREAK_RE.sub(" ", text)


def terminal_text(text: str) -> str:
    """``text`` for one line of a terminal: newlines, escapes and bidi controls written as escapes.

    ``a\\nb`` shows as ``a\\nb`` (a backslash and an n), ESC as ``\\x1b``, U+202E as ``\\u202e``: a file
    name cannot forge another line, move the cursor or retitle the window.
    """
    out = []
    for ch in text:
        code = ord(ch)
        if ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif code < 0x20 or 0x7F <= code <= 0x9F:
            out.append(f"\\x{code:02x}")
        elif ch in _BIDI or ch in "\u2028\u2029\x85":
            out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def md_line(text: str) -> str:
    """One line of Markdown showing ``text`` literally: no HTML, links, emphasis or new blocks."""
    return _md_escape_line(visible_controls(one_line(text)).replace("\t", " ").strip())


def md_text(text: str) -> str:
    """Several lines of Markdown showing ``text`` literally; its line breaks are kept."""
    lines = text.splitlines()
    return "\n".join(_md_escape_line(visible_controls(line).replace("\t", " ").strip()) for line in lines)


def _md_escape_line(line: str) -> str:
    line = _MD_INLINE_RE.sub(r"\\\1", line)
    return _MD_LINE_START_RE.sub(lambda m: f"\\{m.group(1)}" if m.group(1) else f"{m.group(2)}\\{m.group(3)}", line)


def md_code(text: str) -> str:
    """``text`` as a code span: fenced by more backticks than its longest run, so it cannot close early."""
    text = visible_controls(one_line(text)).replace("\t", " ")
    if not text:
        return "` `"
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    if text.startswith("`") or text.endswith("`") or (text.startswith(" ") and text.endswith(" ")):
        text = f" {text} "
    return f"{fence}{text}{fence}"
