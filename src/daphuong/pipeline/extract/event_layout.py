"""The layout of a document's tokens for events: sentences, clauses, quotes, brackets and the
end of a related-articles list."""

from __future__ import annotations

from daphuong.pipeline.extract.tokens import CLOSE_QUOTES, OPEN_QUOTES, Token, sentence_ends

_CLAUSE_BREAKS = frozenset({",", ";", ":", "(", ")"})
MAX_SENTENCE = 400  # tokens; longer runs (a text with no full stops) are cut into pieces


def related_end(text: str, end: int) -> int:
    """End of a related-articles list: the unpunctuated headline lines right after a segment."""
    while end < len(text):
        line_end = text.find("\n", end + 1)
        line_end = len(text) if line_end < 0 else line_end
        line = text[end:line_end].strip()
        if not line or line[-1] in ".!?…:":
            return end
        end = line_end
    return end


def sentences(tokens: list[Token]) -> list[tuple[int, int]]:
    """Token ranges of the sentences (a very long run is cut every MAX_SENTENCE tokens)."""
    out: list[tuple[int, int]] = []
    start = 0
    for i, end in enumerate(sentence_ends(tokens)):
        if end or i + 1 - start >= MAX_SENTENCE:
            out.append((start, i + 1))
            start = i + 1
    return out


def clause_bounds(tokens: list[Token], sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """For each token, the token range of its clause (commas, semicolons, brackets end one)."""
    bounds: list[tuple[int, int]] = [(0, 0)] * len(tokens)
    for first, stop in sentences:
        start = first
        for i in range(first, stop + 1):
            if i == stop or tokens[i].text in _CLAUSE_BREAKS:
                for j in range(start, i):
                    bounds[j] = (start, i)
                if i < stop:
                    bounds[i] = (i, i)
                start = i + 1
    return bounds


def quoted_tokens(tokens: list[Token], sentences: list[tuple[int, int]]) -> set[int]:
    """Tokens between opening and closing quotation marks, sentence by sentence."""
    out: set[int] = set()
    for first, stop in sentences:
        opened: str | None = None
        for i in range(first, stop):
            text = tokens[i].text
            if opened is None and text in OPEN_QUOTES:
                opened = CLOSE_QUOTES.get(text, text)
            elif opened is not None and (text == opened or text in "”»"):
                opened = None
            elif opened is not None:
                out.add(i)
    return out


def bracket_depths(tokens: list[Token], sentences: list[tuple[int, int]]) -> list[int]:
    """For each token, how many brackets of its sentence are open before it."""
    depths = [0] * len(tokens)
    for first, stop in sentences:
        depth = 0
        for i in range(first, stop):
            depths[i] = depth
            depth = max(0, depth + (tokens[i].text == "(") - (tokens[i].text == ")"))
    return depths
