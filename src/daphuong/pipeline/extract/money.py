"""Money mentions: an amount with a scale and/or a currency, without qualifiers."""

from __future__ import annotations

import re

from daphuong.domain.extraction import EntityType
from daphuong.pipeline.extract.scan import Candidate, Doc

MONEY = EntityType.MONEY
_NUMBER = r"\d+(?:[.,]\d+)*"
_SCALE = r"(?:nghìn|ngàn|triệu|tỷ|tỉ|trăm)"
# A currency with its country stays whole ('16 triệu đô la Úc'); longer forms come first.
_COUNTRY = r"(?:Mỹ|Úc|Australia|Singapore|Canada|Hồng Kông|New Zealand|Đài Loan|Brunei)"
# 'đồng' before these words is no currency: '35 đồng chí', '2 đồng chủ trì'.
_NOT_DONG = r"(?!\s(?:chí|bào|chủ|hành|thời|tình|nghiệp|hương|minh|đội|loạt|tác|cấp|ý)\b)"
_CURRENCY = (
    rf"(?:USD|(?:đô la|Đô la|đôla) {_COUNTRY}|đô la|đôla|đồng{_NOT_DONG}|VNĐ|VND|EUR|euro|Euro|"
    r"(?:yên|Yên) Nhật|yên|Yên|yen|Yen|(?:nhân dân tệ|Nhân dân tệ)(?: Trung Quốc)?|NDT|bảng Anh|"
    r"won Hàn Quốc|won|rúp Nga|rúp|franc Thụy Sĩ|franc|bạt Thái Lan|bạt|kíp Lào|kíp|"
    r"riel|rupee Ấn Độ|rupee|ringgit|peso|AUD|SGD|JPY|CNY|KRW|GBP|CHF|CAD|THB)"
)
_AMOUNT = re.compile(
    rf"(?<![\w.,])(?:US\$|\$|€)?{_NUMBER}(?:\s(?:{_SCALE}\s)?{_CURRENCY}|\s{_SCALE})(?![\w])"
)
_CONTEXT = re.compile(
    r"(?:vận động|tài trợ|viện trợ|trị giá|ủng hộ|kinh phí|quyên góp|tổng vốn|vốn|số tiền|"
    r"giải ngân|hỗ trợ|đóng góp|cam kết)\s(?:hơn |gần |khoảng |trên |tới |lên tới )?$",
    re.IGNORECASE,
)
_CURRENCY_END = re.compile(rf"{_CURRENCY}$")
# A bare 'N triệu' counts people or things when one of these nouns follows it.
_COUNTED = re.compile(
    r"\s(?:người|hội viên|thành viên|đoàn viên|lượt|hộ|học sinh|sinh viên|trẻ em|lao động|"
    r"đại biểu|liều|tấn|cây|suất|cuốn|bản|chiếc|con|km|ha|héc-ta|m2|mét)\b"
)


def find(doc: Doc) -> list[Candidate]:
    """Every money amount; a bare 'N triệu' only after a funding word ('vận động hơn 500 triệu')."""
    out: list[Candidate] = []
    text = doc.text
    for m in _AMOUNT.finditer(text):
        if not _CURRENCY_END.search(m.group()):
            before = text[max(0, m.start() - 30) : m.start()]
            if not _CONTEXT.search(before) or _COUNTED.match(text, m.end()):
                continue  # 'vận động hơn 2 triệu hội viên': a count, not an amount
        out.append(Candidate(MONEY, m.start(), m.end(), "pattern", 0.9))
    return out
