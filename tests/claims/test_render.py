"""render(): the filled form drawn with its item numbers, the fields with findings highlighted and the
messages listed beside it."""

from __future__ import annotations

import re
from datetime import date

import pytest

from autograder.claims import example, validate
from autograder.claims.render import FormRendering, render
from autograder.claims.render.locators import Target, targets
from autograder.findings import Finding

TODAY = date(2026, 11, 27)


def flawed(form: str, change) -> tuple[dict, list[Finding]]:
    claim = example(form).model_dump(mode="json")
    change(claim)
    return claim, validate(claim, today=TODAY)


def highlighted_boxes(html: str) -> set[str]:
    """Boxes drawn with a highlight stroke (error red or warning amber)."""
    return set(re.findall(r'stroke="#(?:c62828|b26a00)" stroke-width="2" data-field="([^"]+)"', html))


def test_a_clean_claim_draws_the_form_with_nothing_highlighted():
    drawing = render(example("cms1500"))
    html = drawing.html
    for label in (
        "1a. INSURED'S I.D. NUMBER",
        "21. DIAGNOSIS",
        "24. A. DATE(S) OF SERVICE",
        "33. BILLING PROVIDER",
    ):
        assert label.replace("'", "&#x27;") in html
    for entry in ("1EG4TE5MK72", "E11.9", "99214", "185.00", "230.00", "1543210987"):
        assert f">{entry}<" in html
    assert highlighted_boxes(html) == set() and drawing.highlighted == {}
    assert "No findings" in html


def test_ub04_shows_its_form_locators_and_entries():
    html = render(example("ub04")).html
    for label in ("4 TYPE OF BILL", "42 REV. CD.", "47 TOTAL CHARGES", "76 ATTENDING", "56 NPI"):
        assert label in html
    for entry in ("0111", "K35.80 Y", "0DTJ4ZZ  02/03/26", "13,313.40", "R10.31"):
        assert f">{entry}<" in html


@pytest.mark.parametrize(
    ("form", "change", "box", "rule"),
    [
        (
            "cms1500",
            lambda d: d["service_lines"][1].update(diagnosis_pointers=["F"]),
            "24E:2",
            "cms1500.pointer-unfilled",
        ),
        ("cms1500", lambda d: d.update(total_charge=240), "28", "cms1500.total-charge"),
        ("cms1500", lambda d: d["diagnoses"].append("E10.9"), "21D", "conventions.excludes1"),
        (
            "cms1500",
            lambda d: d["billing_provider"].update(npi="1543210988"),
            "33a",
            "cms1500.npi-check-digit",
        ),
        (
            "ub04",
            lambda d: d["revenue_lines"][2].update(revenue_code="300"),
            "FL42:3",
            "ub04.revenue-code-format",
        ),
        ("ub04", lambda d: d.update(type_of_bill="0191"), "FL4", "ub04.type-of-bill-classification"),
        (
            "ub04",
            lambda d: d["principal_procedure"].update(date="2026-02-09"),
            "FL74",
            "ub04.procedure-date-outside-stay",
        ),
        ("ub04", lambda d: d.update(total_charges=1), "FL47:total", "ub04.total-charges"),
        (
            "ub04",
            lambda d: d["other_diagnoses"].append({"code": "I10", "poa": "Y"}),
            "FL67:C",
            "ub04.diagnosis-duplicate",
        ),
    ],
)
def test_the_field_a_finding_points_at_is_highlighted(form, change, box, rule):
    claim, findings = flawed(form, change)
    number = next(i for i, f in enumerate(findings, start=1) if f.rule == rule)
    drawing = render(claim, findings)
    assert number in drawing.highlighted[box]
    assert box in highlighted_boxes(drawing.html)
    message = next(f.message for f in findings if f.rule == rule)
    assert message.replace("'", "&#x27;") in drawing.html  # listed beside the form


def test_warnings_and_errors_look_different():
    claim = example("cms1500")
    findings = [
        Finding("demo.error", "CMS-1500 26", "error", "an error"),
        Finding("demo.warning", "CMS-1500 23", "warning", "a warning"),
    ]
    html = render(claim, findings).html
    assert 'stroke="#c62828" stroke-width="2" data-field="26"' in html
    assert 'stroke="#b26a00" stroke-width="2" data-field="23"' in html
    assert '<li class="error">' in html and '<li class="warning">' in html


def test_findings_about_the_whole_claim_are_listed_not_placed():
    drawing = render(
        example("ub04"),
        [
            {
                "rule": "claim.unreadable",
                "locator": "claim",
                "severity": "error",
                "message": "something about the whole claim",
            }
        ],
    )
    assert drawing.unplaced == [1] and drawing.highlighted == {}
    assert "something about the whole claim" in drawing.html and "(the whole claim)" in drawing.html


def test_entries_are_escaped():
    claim = example("cms1500").model_dump(mode="json")
    claim["additional_claim_information"] = "<script>alert(1)</script>"
    html = render(claim, [Finding("demo", "CMS-1500 19", "error", "bad <b>text</b>")]).html
    assert "<script>" not in html and "&lt;script&gt;" in html and "bad &lt;b&gt;text&lt;/b&gt;" in html


def test_more_than_six_lines_go_on_more_pages():
    claim = example("cms1500").model_dump(mode="json")
    claim["service_lines"] = claim["service_lines"] * 4  # 8 lines
    claim["total_charge"] = 920
    claim["service_lines"][7]["units"] = 0
    findings = validate(claim, today=TODAY)
    drawing = render(claim, findings)
    assert len(drawing.pages) == 2 and "page 2 of 2" in drawing.pages[1]
    assert "24G:8" in drawing.highlighted and "24G:8" in highlighted_boxes(drawing.pages[1])
    assert "CONTINUED" in drawing.pages[0] and ">920.00<" in drawing.pages[1]


def test_jupyter_display_and_save(tmp_path):
    drawing = render(example("ub04"))
    assert isinstance(drawing, FormRendering)
    assert drawing._repr_html_() == drawing.html
    path = drawing.save(tmp_path / "claim.html")
    page = path.read_text(encoding="utf-8")
    assert (
        page.startswith("<!DOCTYPE html>") and drawing.html in page and "<title>UB-04 claim</title>" in page
    )


@pytest.mark.parametrize(
    ("locator", "form", "expected"),
    [
        ("CMS-1500 24A/24G line 2", "cms1500", [Target("24A", 2), Target("24G", 2)]),
        ("CMS-1500 21 ICD Ind.", "cms1500", [Target("21", part="ind")]),
        ("CMS-1500 24 shaded / 837P LIN03 line 1", "cms1500", [Target("24", 1, "shaded")]),
        ("UB-04 FL 42 line 23 line 7", "ub04", [Target("42", 7, total=True)]),
        ("UB-04 FL 47 line 23 (0001)", "ub04", [Target("47", total=True)]),
        ("UB-04 FL 67A-Q", "ub04", [Target("67", part="others")]),
        ("UB-04 FL 6/35-36", "ub04", [Target("6"), Target("35"), Target("36")]),
        ("CMS-1500 21 / UB-04 FL 67-69", "ub04", [Target("67"), Target("68"), Target("69")]),
        ("CMS-1500 21 / UB-04 FL 67-69", "cms1500", [Target("21")]),
        ("codes", "cms1500", []),
    ],
)
def test_locators_are_read_into_form_items(locator, form, expected):
    assert targets(locator, form) == expected


def test_findings_from_the_validate_many_table():
    from autograder.claims import validate_many

    claim, findings = flawed("cms1500", lambda d: d.update(total_charge=240))
    table = validate_many([claim], today=TODAY)
    assert render(claim, table).highlighted == render(claim, findings).highlighted == {"28": [1]}
