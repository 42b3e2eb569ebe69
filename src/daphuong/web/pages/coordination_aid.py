"""Aid ledger and annual report pages: totals per stage, published figures, downloads."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from daphuong.domain.access import Principal
from daphuong.errors import InvalidInput
from daphuong.services.aid import AidService
from daphuong.services.annual_report import AnnualReportService
from daphuong.store.aid import AidFilter
from daphuong.web.csrf import verify_csrf
from daphuong.web.deps import get_principal
from daphuong.web.pages import coordination_forms as forms

router = APIRouter(include_in_schema=False)
DEFAULT_SPAN = 4  # years shown before the last one by default
MEDIA_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


class ReportForm(BaseModel):
    """The annual report form: year, organization (all when empty) and file format."""

    year: int
    org_id: str = ""
    format: Literal["docx", "pdf"] = "docx"
    csrf_token: str = ""


def year_range(year_from: str, year_to: str, latest: int | None) -> tuple[int, int]:
    """The years asked for, by default five up to the latest year with records (or this year)."""
    last = forms.optional_int(year_to, "to") or latest or dt.date.today().year
    first = forms.optional_int(year_from, "from") or last - DEFAULT_SPAN
    if first > last or last - first > 50:
        raise InvalidInput("choose at most 50 years, the first before the last")
    return first, last


@router.get("/aid")
def aid_page(
    request: Request,
    year_from: str = Query("", alias="from"),
    year_to: str = Query("", alias="to"),
    who: Principal = Depends(get_principal),
) -> Response:
    """The visible ledger: transactions, totals per stage, year-on-year, published figures."""
    service = AidService(forms.database(request))
    latest = None
    if not year_to.strip():
        latest = max((r.date.year for r in service.records(who)), default=None)
    first, last = year_range(year_from, year_to, latest)
    context = {
        "first": first,
        "last": last,
        "records": service.records(who, AidFilter(year_from=first, year_to=last)),
        "summaries": service.year_summaries(who, first, last),
        "csv_url": "/api/v1/aid/ledger.csv",
        "iati_url": f"/api/v1/aid/iati.xml?from={first}&to={last}",
    }
    return forms.page(request, "coordination/aid.html", context)


@router.get("/reports/annual")
def annual_report_page(request: Request, who: Principal = Depends(get_principal)) -> Response:
    """The form that writes the annual report from the records the caller may see."""
    context = {
        "orgs": forms.organizations(request),
        "year": dt.date.today().year - 1,
        "own_org": who.org_id,
    }
    return forms.page(request, "coordination/annual_report.html", context)


@router.post("/reports/annual")
def annual_report(
    request: Request, form: Annotated[ReportForm, Form()], who: Principal = Depends(get_principal)
) -> Response:
    """Build the report and send it as a DOCX or PDF download."""
    verify_csrf(request, form.csrf_token)
    service = AnnualReportService(forms.database(request), forms.accounts(request))
    org_id = forms.optional_int(form.org_id, "org_id")
    report = service.build(who, form.year, org_id=org_id)
    with tempfile.TemporaryDirectory(prefix="daphuong-report-") as folder:
        out = service.write(report, form.format, Path(folder) / f"report.{form.format}")
        data = out.read_bytes()
    name = f"bao-cao-{form.year}.{form.format}"
    disposition = f"attachment; filename=\"{name}\"; filename*=UTF-8''{quote(name)}"
    return Response(
        data,
        media_type=MEDIA_TYPES[form.format],
        headers={"content-disposition": disposition},
    )
