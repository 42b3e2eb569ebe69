"""Search vocabulary: the parsed query, what a caller asks for, and what comes back."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, field

# Filter keys a caller may use, and the facets returned with every result.
FILTER_KEYS = ("entity", "type", "event", "outlet", "year", "from", "to")
FACET_NAMES = ("entity", "type", "event", "outlet", "year")


@dataclass(frozen=True, slots=True)
class Term:
    """One word the user typed, as keys: folded (no marks, đ→d) and tone-canonical."""

    fold: str
    tone: str
    prefix: bool = False

    @property
    def has_marks(self) -> bool:
        """Whether the user typed diacritics (then exact matches rank first)."""
        return self.fold != self.tone


@dataclass(frozen=True, slots=True)
class Phrase:
    """Adjacent words; `quoted` is False for words joined by punctuation or a run of words."""

    terms: tuple[Term, ...]
    quoted: bool = True


Clause = Term | Phrase


@dataclass(frozen=True, slots=True)
class AnyOf:
    """Alternatives joined by OR: a document needs at least one."""

    options: tuple[Clause, ...]


Item = Clause | AnyOf


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """Every `required` item must match and no `excluded` clause may."""

    required: tuple[Item, ...] = ()
    excluded: tuple[Clause, ...] = ()

    @property
    def is_empty(self) -> bool:
        """No word to look for."""
        return not self.required

    def positive_clauses(self) -> list[Clause]:
        """Every clause that can match (used for highlighting)."""
        out: list[Clause] = []
        for item in self.required:
            out.extend(item.options if isinstance(item, AnyOf) else (item,))
        return out


@dataclass(frozen=True, slots=True)
class SearchFilters:
    """Restrictions on documents; keys of entity/outlet are folded names."""

    entities: tuple[str, ...] = ()
    entity_types: tuple[str, ...] = ()
    event_kinds: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    @property
    def is_empty(self) -> bool:
        """Nothing is filtered."""
        return not (
            self.entities
            or self.entity_types
            or self.event_kinds
            or self.outlets
            or self.years
            or self.date_from
            or self.date_to
        )


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """A parsed query with filters and paging, ready for a search backend."""

    parsed: ParsedQuery
    filters: SearchFilters = field(default_factory=SearchFilters)
    limit: int = 10
    offset: int = 0
    facet_size: int = 10
    snippet_chars: int = 180


@dataclass(frozen=True, slots=True)
class Snippet:
    """A piece of the original text with the ranges to highlight (relative to `text`)."""

    text: str
    highlights: tuple[tuple[int, int], ...] = ()
    start: int = 0  # offset of text[0] in the document's original text

    def to_html(self) -> str:
        """HTML-escaped text with each highlight wrapped in <mark>."""
        out: list[str] = []
        pos = 0
        for start, end in self.highlights:
            out.append(html.escape(self.text[pos:start]))
            out.append(f"<mark>{html.escape(self.text[start:end])}</mark>")
            pos = end
        out.append(html.escape(self.text[pos:]))
        return "".join(out)

    def marked(self, left: str = "[", right: str = "]") -> str:
        """Plain text with highlights bracketed (for terminals)."""
        out: list[str] = []
        pos = 0
        for start, end in self.highlights:
            out.extend((self.text[pos:start], left, self.text[start:end], right))
            pos = end
        out.append(self.text[pos:])
        return "".join(out)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One matching document."""

    doc_id: int
    key: str
    title: str
    score: float
    snippet: Snippet
    outlet: str | None = None
    published: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class FacetValue:
    """One value of a facet with how many visible matching documents have it."""

    key: str
    label: str
    count: int


@dataclass(slots=True)
class SearchResult:
    """A page of hits, the total number of matches and facet counts (exact up to a sample)."""

    total: int
    hits: list[SearchHit] = field(default_factory=list)
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    # True when there were more matches than the facet sample: counts are scaled estimates.
    facets_estimated: bool = False
    # True when a text search had more matches than the window: total is an estimate.
    total_estimated: bool = False


@dataclass(frozen=True, slots=True)
class EntityHit:
    """One entity found by quick-find."""

    entity_id: int
    entity_type: str
    name: str
    score: float
