"""Text from checks and students' code, put in Markdown that reads the same on GitHub and in a plain text viewer.

Backslashes and HTML entities (`\\``, `&lt;`) are what a plain text viewer shows literally, so they are avoided:
what would become markup on GitHub (HTML tags, links, emphasis, strikethrough) goes into a code span instead,
which every renderer shows literally and a plain viewer shows between backticks. Code spans that a message
already has (`delay`) stay code spans. Prose is left as it is.
"""

from __future__ import annotations

import re

from grader.messages import clip

MAX_TEXT = 600

_CODE = re.compile(r"`([^`]+)`")
"""How the grader's messages and titles mark code."""
_TAG = re.compile(r"<[A-Za-z/!?][^<>]*>")
"""What GitHub could take for raw HTML or an autolink (`<module>`, `<img src=x>`); `a < b` cannot be either."""
_LINK = re.compile(r"\b(?:[A-Za-z][A-Za-z0-9+.-]*://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.-]+")
"""What GitHub turns into a link even without brackets (URLs, e-mail addresses)."""
_MARKUP = re.compile(
    r"[*~\[\]`\\]"  # emphasis, strikethrough, links and images, code, backslash escapes
    r"|&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);"  # an entity would be decoded
    r"|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])"  # an underscore inside a word (make_request) is never emphasis
)
_BRACKETS = re.compile(r"(?<![\w)\]])\[[^\[\]\n]{1,80}\](?:\([^()\s]*\))?")
"""A bracketed group (`[Errno 13]`, `[1, 2, 3]`, a would-be link `[click](url)`): one code span, not one per word.
Not a subscript (`args[-1]`, `list[int]`), which stays inside its word's span."""
_EDGES = re.compile(r"^([\"'(]*)(.*?)([\"'),.:!?]*)$", re.DOTALL)
"""A word's quotes and punctuation, kept outside the code span that holds the word."""


def code_span(text: str) -> str:
    """`text` as a code span, with a fence longer than any run of backticks in it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def code_block(text: str, indent: str = "") -> str:
    """`text` as a fenced code block, its fence longer than any run of backticks in it, every line after `indent`."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return "".join(f"{indent}{line}\n" for line in [fence, *text.splitlines(), fence])


Token = tuple[bool, str]
"""(is code, text)"""


def _word(word: str) -> list[Token]:
    if not _MARKUP.search(word):
        return [(False, word)]
    before, core, after = _EDGES.match(word).groups()  # type: ignore[union-attr]
    while after.startswith(")") and core.count("(") > core.count(")"):  # the call's own parenthesis
        core, after = core + ")", after[1:]
    if not core or _MARKUP.search(before + after):
        return [(True, word)]
    return [(False, before), (True, core), (False, after)]


def _words(text: str) -> list[Token]:
    tokens: list[Token] = []
    for index, word in enumerate(text.split(" ")):
        if index:
            tokens.append((False, " "))
        tokens.extend(_word(word))
    return tokens


def _prose(text: str) -> list[Token]:
    tokens: list[Token] = []
    last = 0
    for match in re.finditer(f"{_TAG.pattern}|{_LINK.pattern}|{_BRACKETS.pattern}", text):
        tokens += [*_words(text[last : match.start()]), (True, match.group(0))]
        last = match.end()
    return tokens + _words(text[last:])


def inline(text: str, *, table: bool = False) -> str:
    """`text` on one line, shown as it reads by any Markdown renderer; `table=True` for a table's cell."""
    text = clip(" ".join(str(text).split()), MAX_TEXT)
    tokens: list[Token] = []
    last = 0
    for match in _CODE.finditer(text):
        tokens += [*_prose(text[last : match.start()]), (True, match.group(1))]
        last = match.end()
    tokens += _prose(text[last:])
    merged: list[Token] = []
    for is_code, part in tokens:
        if not part:
            continue
        if merged and is_code and merged[-1][0]:  # two code spans side by side would fuse their fences
            merged[-1] = (True, merged[-1][1] + part)
        else:
            merged.append((is_code, part))
    result = "".join(code_span(part) if is_code else part for is_code, part in merged)
    return result.replace("|", "\\|") if table else result  # GitHub splits cells at a |, even in code spans
