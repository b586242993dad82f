"""``render``: a claim and its findings drawn as the paper form, fields with findings highlighted."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from autograder.claims.render import cms1500, ub04
from autograder.claims.render.locators import targets
from autograder.claims.render.sheet import Mark, Sheet
from autograder.codes.normalize import normalize
from autograder.findings import Finding

CSS = """
.himlab-form{display:flex;flex-wrap:wrap;gap:18px;align-items:flex-start;font-family:Helvetica,Arial,sans-serif}
.himlab-form .pages svg{display:block;margin-bottom:12px;max-width:100%;height:auto;
 box-shadow:0 1px 4px #0003}
.himlab-form .findings{flex:1 1 280px;max-width:420px;font-size:13px;line-height:1.35}
.himlab-form .findings h3{margin:0 0 8px;font-size:15px}
.himlab-form .findings ol{list-style:none;padding:0;margin:0}
.himlab-form .findings li{border-left:4px solid #b26a00;background:#fffaf0;margin:0 0 8px;padding:6px 8px}
.himlab-form .findings li.error{border-color:#c62828;background:#fff5f5}
.himlab-form .badge{display:inline-block;min-width:18px;border-radius:9px;color:#fff;background:#b26a00;
 text-align:center;font-weight:bold;font-size:11px;margin-right:6px;padding:0 4px}
.himlab-form li.error .badge{background:#c62828}
.himlab-form .where{color:#555;font-size:11px}
.himlab-form .rule{color:#777;font-family:monospace;font-size:11px}
"""


@dataclass
class FormRendering:
    """A drawn claim form. ``highlighted`` maps each highlighted box (``24E:2``, ``FL67``) to the
    numbers of the findings that point at it; ``unplaced`` lists findings about the whole claim."""

    form: str
    pages: list[str]
    findings: list[Finding]
    highlighted: dict[str, list[int]]
    unplaced: list[int]

    @property
    def html(self) -> str:
        return (
            f'<div class="himlab-form"><style>{CSS}</style>'
            f'<div class="pages">{"".join(self.pages)}</div>{self._findings_html()}</div>'
        )

    def _findings_html(self) -> str:
        if not self.findings:
            return '<div class="findings"><h3>No findings</h3></div>'
        errors = sum(f.severity == "error" for f in self.findings)
        items = []
        for number, f in enumerate(self.findings, start=1):
            where = escape(f.locator) + ("" if number not in self.unplaced else " (the whole claim)")
            items.append(
                f'<li class="{escape(f.severity)}"><span class="badge">{number}</span>'
                f'<strong>{escape(f.severity)}</strong> <span class="where">{where}</span><br>'
                f'{escape(f.message)} <span class="rule">[{escape(f.rule)}]</span></li>'
            )
        title = f"{errors} error(s), {len(self.findings) - errors} warning(s)"
        return f'<div class="findings"><h3>{title}</h3><ol>{"".join(items)}</ol></div>'

    def _repr_html_(self) -> str:
        return self.html

    def save(self, path: str | Path) -> Path:
        """Write a standalone HTML page; returns the path."""
        target = Path(path)
        name = "CMS-1500" if self.form == "cms1500" else "UB-04"
        target.write_text(
            f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{name} claim</title></head>'
            f"<body>{self.html}</body></html>",
            encoding="utf-8",
        )
        return target


def _finding(item: Any) -> Finding:
    if isinstance(item, Finding):
        return item
    if isinstance(item, dict):
        return Finding(
            str(item.get("rule", "")),
            str(item.get("locator", "")),
            item.get("severity", "warning"),
            str(item.get("message", "")),
            item.get("code"),
        )
    raise TypeError(f"findings: expected Finding objects or dicts, got {type(item).__name__}")


def _box_text(sheets: list[Sheet]) -> dict[str, set[str]]:
    """Box key -> the normalised words shown in it (to find the box showing a finding's code)."""
    found: dict[str, set[str]] = {}
    for sheet in sheets:
        for box in sheet.boxes:
            found.setdefault(box.key, set()).update(normalize(w) for line in box.lines for w in line.split())
    return found


def _boxes(finding: Finding, form: str, keys: set[str], words: dict[str, set[str]]) -> set[str]:
    code = normalize(finding.code) if finding.code else ""
    boxes: set[str] = set()
    for target in targets(finding.locator, form):
        boxes |= (
            cms1500.keys_for(target, keys) if form == "cms1500" else ub04.keys_for(target, keys, bool(code))
        )
    if code:
        showing = {k for k in (boxes or keys) if code in words.get(k, ())}
        if showing:
            return showing
    return boxes


def render(claim: Any, findings: Iterable[Finding | dict] | Any = None) -> FormRendering:
    """Draw ``claim`` (a model, dict or JSON text) as a CMS-1500 or UB-04, highlighting the fields that
    ``findings`` point at: the list :func:`autograder.claims.validate` returns, dicts with the same
    keys, or the claim's rows of the :func:`autograder.claims.validate_many` table. Without findings
    the form is drawn as filled in."""
    from autograder.claims.load import load_claim

    model = load_claim(claim)
    if hasattr(findings, "columns") and hasattr(findings, "to_dict"):  # a table from validate_many
        findings = findings.to_dict(orient="records")
    found = [_finding(f) for f in (findings if findings is not None else [])]
    sheets = cms1500.pages(model) if model.form == "cms1500" else ub04.pages(model)
    keys = set().union(*(s.keys() for s in sheets))
    words = _box_text(sheets)
    marks: dict[str, Mark] = {}
    unplaced = []
    for number, finding in enumerate(found, start=1):
        boxes = _boxes(finding, model.form, keys, words)
        if not boxes:
            unplaced.append(number)
        for key in boxes:
            mark = marks.setdefault(key, Mark())
            mark.numbers.append(number)
            if finding.severity == "error":
                mark.severity = "error"
    return FormRendering(
        model.form,
        [s.svg(marks) for s in sheets],
        found,
        {k: m.numbers for k, m in sorted(marks.items())},
        unplaced,
    )
