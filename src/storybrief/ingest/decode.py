"""Bytes to text: byte-order marks, UTF-8, and detection for everything else."""

from __future__ import annotations

import codecs

from ..errors import InputProblem, Msg

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control bytes that never appear in text files (tab, newlines, form feed and ESC excluded).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def decode(data: bytes) -> str:
    """Decode ``data`` to ``str``: a BOM wins, then strict UTF-8, then charset detection.

    Raises :class:`InputProblem` for binary data or bytes that no encoding explains.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise InputProblem(Msg.UNDECODABLE) from None
    sample = data[:8192]
    if b"\x00" in sample:
        raise InputProblem(Msg.BINARY.format(detail="it contains NUL bytes"))
    controls = sum(sample.count(bytes([c])) for c in _CONTROL)
    if controls > max(4, len(sample) // 100):
        raise InputProblem(Msg.BINARY.format(detail=f"{controls} control bytes in the first {len(sample)}"))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputProblem(Msg.UNDECODABLE)
    return str(best)
