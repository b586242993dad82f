"""A learner's path in a real browser: open the ICD-10-CM module in JupyterLab, run every cell, search
CodeLookup for "diabetes" and find E11.9, validate "S72.001" and read the 7th-character message.
Screenshots go to test-artifacts/browser/."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

pytestmark = pytest.mark.browser

RUN_SECONDS = 240


def module_notebook(root: Path) -> str:
    """The first ICD-10-CM lesson that shows a CodeLookup, relative to the served folder."""
    for path in sorted((root / "modules" / "04-icd10cm").glob("*.ipynb")):
        cells = nbformat.read(str(path), as_version=4).cells
        if any(c.cell_type == "code" and "CodeLookup(" in c.source for c in cells):
            return path.relative_to(root).as_posix()
    pytest.fail("no notebook in modules/04-icd10cm shows a CodeLookup widget")


def test_code_lookup_in_jupyterlab(chromium, lab, artifacts):
    from playwright.sync_api import expect

    notebook = module_notebook(lab["root"])
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    page.set_default_timeout(60_000)
    try:
        page.goto(f"{lab['base']}/lab/tree/{notebook}?token={lab['token']}")
        page.wait_for_selector(".jp-Notebook .jp-Cell")
        page.wait_for_function(
            "() => window.jupyterapp?.shell.currentWidget?.sessionContext?.session?.kernel?.status === 'idle'"
        )
        page.evaluate(
            "() => { window.himlabRun = undefined;"
            " window.jupyterapp.commands.execute('notebook:run-all-cells')"
            ".then(ok => { window.himlabRun = ok; }, err => { window.himlabRun = String(err); }); }"
        )
        page.wait_for_function("() => window.himlabRun !== undefined", timeout=RUN_SECONDS * 1000)
        page.screenshot(path=str(artifacts / "01-notebook-run.png"))
        assert page.evaluate("() => window.himlabRun") is True, "a cell failed while running the notebook"
        assert page.locator("[data-mime-type='application/vnd.jupyter.error']").count() == 0

        lookup = page.locator(".himlab-code-lookup").first
        lookup.scroll_into_view_if_needed()
        search = lookup.locator(".himlab-search input")
        search.fill("diabetes")
        search.press("Enter")
        hit = lookup.locator(".himlab-results option").filter(has_text=re.compile(r"^\s*E11\.9\s"))
        expect(hit).to_have_count(1)
        lookup.screenshot(path=str(artifacts / "02-search-diabetes.png"))

        check = lookup.locator(".himlab-validate input")
        check.fill("S72.001")
        check.press("Enter")
        expect(lookup.locator(".himlab-verdict")).to_contain_text("7th character")
        lookup.screenshot(path=str(artifacts / "03-validate-S72.001.png"))
    finally:
        page.screenshot(path=str(artifacts / "04-jupyterlab-last.png"))  # where it ended, pass or fail
        page.close()
