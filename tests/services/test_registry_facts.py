"""Statement building: title cues in the text (nguyên, Quyền, tân) and surface forms."""

from __future__ import annotations

from daphuong.domain.extraction import EntityType, ExtractedEntity, ExtractedRole, ExtractionResult
from daphuong.services.linking import bare_person
from daphuong.services.registry_facts import collect_forms, cues
from tests.services.registry_support import spans


def _role(text: str, title: str) -> ExtractedRole:
    return ExtractedRole("Trần Văn B", title, "", mentions=spans(text, title))


def test_cues_before_the_title() -> None:
    text = "ông Trần Văn B, nguyên Thứ trưởng; Quyền Vụ trưởng; tân Đại sứ"
    assert cues(text, _role(text, "Thứ trưởng")) == {"former"}
    assert cues(text, _role(text, "Vụ trưởng")) == {"acting"}
    assert cues(text, _role(text, "Đại sứ")) == {"new"}
    plain = "Thứ trưởng Trần Văn B"
    assert cues(plain, _role(plain, "Thứ trưởng")) == set()


def test_forms_include_role_and_event_parties_not_listed_as_entities() -> None:
    text = "Ông Trần Văn B, Vụ trưởng Vụ Châu Âu."
    extraction = ExtractionResult(
        "x",
        [ExtractedEntity(EntityType.PERSON, "Trần Văn B", mentions=spans(text, "Trần Văn B"))],
        [ExtractedRole("Trần Văn B", "Vụ trưởng", "Vụ Châu Âu")],
    )
    forms = collect_forms(extraction, text)
    assert forms["PERSON"] == {"Trần Văn B": [(4, 14)]}
    assert forms["ORG"] == {"Vụ Châu Âu": [(26, 36)]}


def test_honorifics_are_dropped_from_person_forms_and_spans() -> None:
    text = "Ông Lê Hoài Trung phát biểu."
    extraction = ExtractionResult(
        "x",
        [
            ExtractedEntity(
                EntityType.PERSON, "Ông Lê Hoài Trung", mentions=spans(text, "Ông Lê Hoài Trung")
            )
        ],
        [ExtractedRole("Ông Lê Hoài Trung", "Trưởng ban")],
    )
    forms = collect_forms(extraction, text)
    assert forms["PERSON"] == {"Lê Hoài Trung": [(4, 17)]}
    assert bare_person("bà Nguyễn Thị Bình") == "Nguyễn Thị Bình"
    assert bare_person("Ông Ích Khiêm") == "Ông Ích Khiêm"  # a surname, not an honorific
