"""What a person clicks: upload a seed, read it, open a person, confirm a role, search, graph."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from tests.browser.conftest import CHROMIUM_ARGS

SEED = "002_c4a81783b3a0a098"


def _upload_seed(page: Page, base: str, seed: Path, shots: Path) -> None:
    page.goto(f"{base}/upload")
    page.set_input_files("#upload-files", str(seed))
    page.click("#upload-form button[type=submit]")
    result = page.locator("#upload-results li.upload-ingested")
    expect(result).to_have_count(1, timeout=30_000)
    expect(page.locator("#upload-progress")).to_have_attribute("value", "100")
    page.screenshot(path=str(shots / "1-upload.png"), full_page=True)
    result.locator("a").click()


def _read_and_open_person(page: Page, shots: Path) -> str:
    expect(page.locator("mark.ent-person").first).to_be_visible()
    assert page.locator("mark.ent-org").count() > 0
    page.screenshot(path=str(shots / "2-document.png"), full_page=True)
    page.locator("mark.ent-person a", has_text="Lê Hoài Trung").first.click()
    expect(page.locator("h1")).to_contain_text("Lê Hoài Trung")
    return page.url


def _confirm_role(page: Page, shots: Path) -> None:
    role = page.locator("ol.role-timeline li.role", has_text="Trưởng ban").first
    role.locator("button.confirm").first.click()
    expect(role.locator(".fact-confirmed").first).to_be_visible()
    page.screenshot(path=str(shots / "3-person-confirmed.png"), full_page=True)


@pytest.mark.browser
def test_upload_read_confirm_search_graph(
    live_server: str, chromium_path: Path, shared_dir: Path, screenshots: Path
) -> None:
    problems: list[str] = []

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(chromium_path), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.on(
            "console",
            lambda m: problems.append(f"{page.url}: {m.text}") if m.type == "error" else None,
        )
        _upload_seed(page, live_server, shared_dir / "seeds" / f"{SEED}.txt", screenshots)
        person_url = _read_and_open_person(page, screenshots)
        _confirm_role(page, screenshots)

        page.goto(f"{live_server}/search?q=doi+ngoai+nhan+dan")
        expect(page.locator("div.hit").first).to_be_visible()
        assert page.locator("p.snippet mark").count() > 0
        page.screenshot(path=str(screenshots / "4-search.png"), full_page=True)

        page.goto(f"{person_url}/graph")
        expect(page.locator("#graph[data-ready]")).to_be_attached(timeout=15_000)
        expect(
            page.locator(
                "ul.graph-links li[data-relation=event]", has_text="Ban Đối ngoại Trung ương"
            )
        ).to_be_visible()
        page.screenshot(path=str(screenshots / "5-graph.png"), full_page=True)

        page.set_viewport_size({"width": 390, "height": 844})
        page.goto(person_url)
        page.screenshot(path=str(screenshots / "6-person-mobile.png"), full_page=True)
        browser.close()
    # A CSP violation or script error shows up as a console error.
    assert not problems, problems
