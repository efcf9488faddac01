"""User-facing error messages in one place (as spaCy does), so that wording stays consistent.

Readers raise :class:`InputProblem` for anything wrong with what the user gave; the ingest stage turns it
into an :class:`~storybrief.model.InputError` record and goes on with the rest of the input. A
traceback is only ever shown for a bug in storybrief itself.
"""

from __future__ import annotations


class InputProblem(Exception):
    """Something about one input that the user can fix; never a bug in storybrief."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


class SetupProblem(Exception):
    """The installation lacks something storybrief needs (a language model); the message says how to fix it."""


class Msg:
    NOT_FOUND = "no such file or folder"
    NOT_READABLE = "cannot be read: {reason}"
    EMPTY = "is empty"
    EMPTY_FOLDER = "folder holds no files"
    TOO_LARGE = "is {size:,} bytes, over the size limit of {limit:,} bytes (raise it with --max-size)"
    TOO_LARGE_UNPACKED = "unpacks to more than the size limit of {limit:,} bytes (raise it with --max-size)"
    BINARY = "looks like a binary file, not text ({detail})"
    UNDECODABLE = "cannot be decoded as text in any known encoding"
    GZIP_TRUNCATED = "is a truncated or corrupt gzip file: {reason}"
    JSON_MALFORMED = "malformed JSON: {reason}"
    JSON_LINE_MALFORMED = "malformed JSON line: {reason}"
    JSON_NOT_OBJECT = "a JSON record must be an object, got {kind}"
    JSON_NO_TEXT = "record has no text (expected one of the fields 'text', 'body', 'content')"
    JSON_FIELD_TYPE = "field '{field}' should be {expected}, got {kind}"
    HTML_NO_TEXT = "no article text could be extracted from this HTML page"
    FEED_MALFORMED = "malformed feed: {reason}"
    FEED_NO_ENTRIES = "feed has no entries"
    FEED_ENTRY_EMPTY = "feed entry has neither content nor summary"
    WARC_MALFORMED = "malformed WARC file: {reason}"
    WARC_NO_HTML = "WARC file holds no HTML responses or text conversions"
    NO_TEXT_LEFT = "nothing but junk: no article text left after cleaning"
    TOO_LARGE_STREAM = "is more than {limit:,} bytes, over the size limit (raise it with --max-size)"
    JSON_EMPTY = "holds no records"
    BROKEN_LINK = "is a broken symbolic link"
    WARC_EMPTY_RECORD = "record has no content"
    WARC_TRUNCATED = "record is truncated: {missing:,} bytes of its declared length are missing"
    ANNOTATION_TRUNCATED = (
        "is {length:,} characters long: only its first {annotated:,} were annotated (sentences, names, dates,"
        " quotes); its text is kept whole"
    )
    TIMELINE_UNDATED = "No timeline: no article of this story has a publication date; {window}."
    TIMELINE_WINDOW = "from what they say, they were published {window}"
    TIMELINE_NO_WINDOW = "their texts do not tell when they were published"
    TIMELINE_REPORTED = "reported that day; the event may be earlier"
    STDIN_TTY = "'-' reads from standard input, but nothing was piped in"
    OUTPUT_IS_FOLDER = "is a folder; give a file name to write to"
    OUTPUT_NO_FOLDER = "folder '{folder}' does not exist"
    OUTPUT_PARENT_NOT_FOLDER = "'{folder}' is not a folder"
    OUTPUT_FOLDER_NOT_WRITABLE = "cannot write in folder '{folder}' (permission denied)"
    OUTPUT_NOT_WRITABLE = "file is not writable (permission denied)"
    OUTPUT_WRITE_FAILED = "could not be written: {reason}; nothing was changed"
    INTERNAL_ERROR = "internal error: {kind}: {reason} (run with --debug for the traceback)"
    INTERRUPTED = (
        "interrupted; no output file was written (a library keeps every batch committed before the"
        " interruption: run the same add again to go on)"
    )
    NOT_REGULAR = "is not a regular file (pipes, sockets and devices are not read; use - for standard input)"
    LINK_OUTSIDE = "is a symbolic link to {target}, outside the folder; not followed (use --follow-links)"
    LINK_LOOP = "is a symbolic link loop"
    FOLDER_SEEN = "leads to a folder already read (symbolic link loop); skipped"
    CONTAINER_TOO_LARGE = "is {size:,} bytes, over the size limit of {limit:,} bytes for a JSON, JSONL or WARC file"
    CONTAINER_TOO_LARGE_STREAM = (
        "is more than {limit:,} bytes (unpacked), over the size limit for a JSON, JSONL or WARC file"
    )
    RECORD_TOO_LARGE = "record is {size:,} bytes, over the size limit of {limit:,} bytes (raise it with --max-size)"
    RECORD_TOO_LARGE_UNPACKED = (
        "record unpacks to more than the size limit of {limit:,} bytes (raise it with --max-size)"
    )
    JSON_TOO_DEEP = "nested too deeply"
    JSON_NUMBER_TOO_LONG = "a number has more than {digits:,} digits"
    DECODE_REPLACED = "{count:,} invalid byte sequence(s) in UTF-8 text replaced with U+FFFD"
    FIELD_NOT_A_DATE = "field '{field}' ({value!r}) is not a date storybrief can read; ignored"
    LANGUAGE_NOT_A_CODE = "language {value!r} is not a language code; the language was detected from the text"
    LIBRARY_NEWER = (
        "library '{path}' was written by a newer storybrief (schema version {version}; this one reads up to"
        " {supported}): upgrade storybrief to use it"
    )
    LIBRARY_UNUSABLE = "cannot use '{path}' as a library: {reason}"
    INPUT_ALREADY_STORED = "already in the library with the same content; skipped"
    STORY_NOT_FOUND = "no story '{story}' in the library"
    TOPIC_NOT_FOUND = "no topic '{topic}' in the library"
    STDIN_NOT_STORED = "standard input cannot be added to a library (it has no name to know it by); save it to a file"
    LIBRARY_MISSING = "no library '{path}' (create one with `storybrief add PATH... --db {path}`)"
    RAY_MISSING = "--engine ray needs Ray, which is not installed: pip install 'storybrief[ray]'"
    RAY_UNREACHABLE = "cannot reach the Ray cluster at '{address}': {reason}"
    ENGINE_UNKNOWN = "unknown engine '{engine}' (choose local or ray)"
    LIBRARY_NEEDS_REINDEX = (
        "library '{path}' was made by an older storybrief ({why}): run `storybrief reindex --db {path}` first"
    )
    NO_DEFAULT_LIBRARY = (
        "no PATH given and no library '{path}' here: give files or folders to brief, or build a library with"
        " `storybrief add PATH...` (set STORYBRIEF_DB or --db to use another)"
    )
