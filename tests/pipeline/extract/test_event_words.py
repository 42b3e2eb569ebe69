"""Tests for the event vocabulary."""

from __future__ import annotations

from daphuong.pipeline.extract.event_words import event_lexicon, praise_at
from daphuong.pipeline.extract.tokens import tokenize


def _triggers(text: str) -> list[tuple[str, str, str]]:
    tokens = tokenize(text)
    found = event_lexicon().triggers(tokens, 0, len(tokens))
    return [(text[tokens[t.first].start : tokens[t.stop - 1].end], t.kind, t.form) for t in found]


def test_longest_event_phrase_wins_and_gets_its_kind() -> None:
    assert _triggers("Lễ ký kết và Phiên thảo luận, rồi thăm và làm việc") == [
        ("Lễ ký kết", "lễ", "noun"),
        ("Phiên thảo luận", "phiên họp", "noun"),
        ("thăm và làm việc", "chuyến thăm", "verb"),
    ]


def test_words_that_are_not_meetings_are_refused() -> None:
    assert _triggers("tiếp tục, trực tiếp, gặp khó khăn, Đại hội đồng, lễ hội") == []


def test_cues_carry_every_kind_of_a_phrase() -> None:
    tokens = tokenize("phối hợp tổ chức")
    cues = event_lexicon().cues_in(tokens, 0, len(tokens))
    assert len(cues) == 1
    assert {"create", "organize"} <= cues[0].kinds


def test_praise_at_finds_the_praising_verb_and_scans_a_long_sentence_once() -> None:
    toks = tokenize("Ông Lâm đánh giá cao Hội đã tổ chức thành công Diễn đàn.")
    assert [t.key for t in toks[praise_at(toks, 0, len(toks)) :]][:3] == ["đánh", "giá", "cao"]
    long = tokenize("hợp tác " * 50000)
    assert praise_at(long, 0, len(long)) == len(long)
