"""Deterministic synthetic Vietnamese news: dictionary words (underthesea), names, organisations."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import math
import pickle
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import underthesea

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"]
MIDDLE = ["Văn", "Thị", "Hoài", "Minh", "Anh", "Quang", "Thu", "Đức", "Hồng", "Thanh"]
GIVEN = ["Trung", "Sơn", "Hà", "Lan", "Dũng", "Hương", "Nam", "Phương", "Tuấn", "Hiệu", "Giang"]
ORGS = [
    "Bộ Ngoại giao",
    "Liên hiệp các tổ chức hữu nghị Việt Nam",
    "Ban Đối ngoại Trung ương",
    "Ủy ban Nhân dân thành phố Hà Nội",
    "Hội Hữu nghị Việt Nam - Lào",
    "Viện Nghiên cứu Quốc tế",
    "Mặt trận Tổ quốc Việt Nam",
    "Quỹ Hòa bình và Phát triển Việt Nam",
    "Ban Điều phối viện trợ nhân dân",
    "Trung ương Hội Liên hiệp Phụ nữ Việt Nam",
]
OUTLETS = ["Vietpeace", "Báo Thế giới & Việt Nam", "VnExpress", "Nhân Dân", "Tuổi Trẻ", "VOV"]
EVENTS = ["hội nghị", "hội thảo", "tọa đàm", "diễn đàn", "chuyến thăm", "cuộc gặp"]
TARGET_CHARS = 2000


@dataclass(slots=True)
class SyntheticDoc:
    """One generated document with the entities and event kind planted in it."""

    title: str
    body: str
    outlet: str
    published: dt.datetime
    people: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    event: str = ""


def dictionary_words() -> list[str]:
    """Headwords of the dictionary shipped inside underthesea (about 31,000, sorted)."""
    path = Path(underthesea.__file__).parent / "dictionary" / "dictionary.data"
    with path.open("rb") as fh:
        # The package's own data file, read from the installed package (trusted input).
        words = pickle.load(fh)
    return sorted(w for w in words if w and w.strip() == w)


class Generator:
    """Zipf-distributed words (as in real text: a few common, many rare), seeded."""

    def __init__(self, seed: int = 42) -> None:
        self.rng = random.Random(seed)
        self.words = dictionary_words()
        self.rng.shuffle(self.words)  # which words are common is part of the seed
        weights = [1.0 / (rank + 1) for rank in range(len(self.words))]
        self.cum = list(itertools.accumulate(weights))

    def word(self) -> str:
        """One word drawn by Zipf frequency."""
        return self.words[bisect.bisect(self.cum, self.rng.random() * self.cum[-1])]

    def person(self) -> str:
        """A realistic Vietnamese full name."""
        r = self.rng
        return f"{r.choice(SURNAMES)} {r.choice(MIDDLE)} {r.choice(GIVEN)}"

    def sentence(self, doc: SyntheticDoc) -> str:
        """8-20 words, sometimes naming a person or an organisation."""
        words = [self.word() for _ in range(self.rng.randint(8, 20))]
        roll = self.rng.random()
        if roll < 0.15:
            name = self.person()
            doc.people.append(name)
            words.insert(self.rng.randrange(len(words)), f"ông {name}")
        elif roll < 0.3:
            org = self.rng.choice(ORGS)
            doc.orgs.append(org)
            words.insert(self.rng.randrange(len(words)), org)
        return " ".join(words).capitalize() + "."

    def document(self) -> SyntheticDoc:
        """A document of about TARGET_CHARS characters."""
        r = self.rng
        published = dt.datetime(2015, 1, 1, tzinfo=dt.UTC) + dt.timedelta(days=r.randrange(3650))
        doc = SyntheticDoc("", "", r.choice(OUTLETS), published, event=r.choice(EVENTS))
        doc.title = f"{doc.event.capitalize()} " + " ".join(self.word() for _ in range(6))
        parts: list[str] = []
        size = 0
        while size < TARGET_CHARS:
            parts.append(self.sentence(doc))
            size += len(parts[-1]) + 1
        doc.body = " ".join(parts)
        return doc

    def documents(self, n: int) -> Iterator[SyntheticDoc]:
        """N documents, the same N for the same seed."""
        for _ in range(n):
            yield self.document()

    def queries(self, n: int) -> list[str]:
        """One- to three-word queries from common-to-mid words, half typed without marks."""
        from daphuong.text.keys import fold_key

        out: list[str] = []
        for i in range(n):
            # Ranks spread evenly on a log scale from common (10) to rare (20,000) words.
            ranks = [
                int(math.exp(self.rng.uniform(math.log(10), math.log(20_000))))
                for _ in range(1 + i % 3)
            ]
            words = [self.words[r] for r in ranks]
            query = " ".join(words)
            out.append(fold_key(query) if i % 2 else query)
        return out
