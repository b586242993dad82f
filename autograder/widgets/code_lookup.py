"""``CodeLookup``: search ICD-10-CM, read a code's notes, see where it sits, check a typed code.

The widget follows a coder's workflow (ICD-10-CM Official Guidelines I.B.1): find the term, then
verify the code in the Tabular List with every note that applies to it (its own and those inherited
from its category, block and chapter; Guidelines I.A.12-13), then check it can be reported
(I.A.3-5). Each pane has a CSS class (``himlab-search``, ``himlab-results``, ``himlab-detail``,
``himlab-tree``, ``himlab-validate``, ``himlab-verdict``) so a browser can find it.

Without a notebook frontend (a plain ``python`` run) the lookup prints itself as text::

    CodeLookup(query="diabetes")          # ranked results
    CodeLookup(code="S72.001A")           # notes and the tabular list around the code
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from autograder.codes import icd10cm
from autograder.codes.icd10cm.info import LABELS

PANE = "max-height:26em;overflow:auto;line-height:1.35"  # detail and tree scroll instead of growing


def _has_frontend() -> bool:
    """True inside a Jupyter kernel, where a widget can be drawn."""
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None


def _label(code: str, title: str, billable: bool) -> str:
    return f"{code}{'' if billable else ' *'}  {title}"


class CodeLookup:
    """Search box, ranked results, a detail pane, a tree of the tabular list and a validation box.

    ``query`` runs a search at once, ``code`` opens a code at once. The handlers :meth:`search`,
    :meth:`show` and :meth:`check` are what the boxes call; they can be called directly too.
    """

    def __init__(self, query: str = "", code: str | None = None, limit: int = 20) -> None:
        self.limit = limit
        self.hits: list[icd10cm.Hit] = []
        self.info: icd10cm.CodeInfo | None = None
        self.findings: list | None = None
        self.checked = ""
        self.message = ""

        self.search_box = widgets.Text(
            placeholder="words (type 2 diabetes) or a code (E11.9), then Enter",
            description="Search",
            continuous_update=False,
            layout=widgets.Layout(width="70%"),
        )
        self.results = widgets.Select(options=[], rows=10, layout=widgets.Layout(width="95%"))
        self.detail = widgets.HTML()
        self.tree = widgets.HTML()
        self.validate_box = widgets.Text(
            placeholder="a code to check, then Enter",
            description="Validate",
            continuous_update=False,
            layout=widgets.Layout(width="50%"),
        )
        self.verdict = widgets.HTML()
        for widget, name in (
            (self.search_box, "himlab-search"),
            (self.results, "himlab-results"),
            (self.detail, "himlab-detail"),
            (self.tree, "himlab-tree"),
            (self.validate_box, "himlab-validate"),
            (self.verdict, "himlab-verdict"),
        ):
            widget.add_class(name)
        self.search_box.observe(lambda change: self.search(change["new"]), names="value")
        self.results.observe(lambda change: change["new"] and self.show(change["new"]), names="value")
        self.validate_box.observe(lambda change: self.check(change["new"]), names="value")
        self.view = widgets.VBox(
            [
                self.search_box,
                self.results,
                widgets.HBox([self.detail, self.tree]),
                self.validate_box,
                self.verdict,
            ]
        )
        self.view.add_class("himlab-code-lookup")
        self.detail.layout = widgets.Layout(width="60%")
        self.tree.layout = widgets.Layout(width="40%")

        if query:
            self.search_box.value = query
        if code:
            self.show(code)
        if not _has_frontend():
            print(self.text())

    # --- handlers --------------------------------------------------------------------------------

    def search(self, text: str) -> list[icd10cm.Hit]:
        """Run a search and list the results, best first; a query that is a code opens that code."""
        text = text.strip()
        self.hits = icd10cm.search(text, limit=self.limit) if text else []
        self.message = ""
        if text and not self.hits:
            self.message = f"No ICD-10-CM match for {text!r}: try fewer or other words."
        options = [(_label(h.code, h.title, h.billable), h.code) for h in self.hits]
        with self.results.hold_trait_notifications():
            self.results.options = options
            self.results.value = None
        exact = icd10cm.lookup(text)
        if exact is not None:
            self.show(exact.code)
        elif not self.hits:
            self.detail.value = f"<p>{html.escape(self.message)}</p>" if self.message else ""
        return self.hits

    def show(self, code: str) -> icd10cm.CodeInfo | None:
        """Open a code: its title, billable flag, notes (own and inherited) and the tabular list around it."""
        self.info = icd10cm.lookup(code)
        if self.info is None:
            findings = icd10cm.validate(code)
            self.detail.value = "<p>" + html.escape(findings[0].message if findings else "not found") + "</p>"
            self.tree.value = ""
            return None
        self.detail.value = self._detail_html(self.info)
        self.tree.value = self._tree_html(self.info)
        return self.info

    def check(self, code: str) -> list:
        """Validate a typed code and show the finding's message (or that the code can be reported)."""
        self.checked = code.strip()
        if not self.checked:
            self.findings = None
            self.verdict.value = ""
            return []
        self.findings = icd10cm.validate(self.checked)
        self.verdict.value = self._verdict_html()
        return self.findings

    # --- text ------------------------------------------------------------------------------------

    def verdict_text(self) -> str:
        if self.findings is None:
            return ""
        if not self.findings:
            info = icd10cm.lookup(self.checked)
            return f"{info.code}: can be reported ({info.release}): {info.title}"
        return "\n".join(f"{f.severity}: {f.message}" for f in self.findings)

    def tree_text(self) -> str:
        if self.info is None:
            return ""
        rows = self._tree_rows()
        return "\n".join(f"{'  ' * depth}{'> ' if here else ''}{line}" for depth, line, here in rows)

    def text(self) -> str:
        """Everything the widget shows, as plain text."""
        parts = []
        if self.hits:
            parts.append("\n".join(_label(h.code, h.title, h.billable) for h in self.hits))
            if any(not h.billable for h in self.hits):
                parts.append("* not billable: code to a more specific code below it")
        elif self.message:
            parts.append(self.message)
        if self.info is not None:
            parts.append(self.info.describe())
            parts.append("Tabular list around it:\n" + self.tree_text())
        if self.findings is not None:
            parts.append(self.verdict_text())
        return "\n\n".join(parts) or "CodeLookup: type words or a code in the search box."

    def __repr__(self) -> str:
        return self.text()

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.view._repr_mimebundle_(**kwargs) or {}
        bundle["text/plain"] = self.text()
        return bundle

    # --- HTML ------------------------------------------------------------------------------------

    def _tree_rows(self) -> list[tuple[int, str, bool]]:
        """(depth, text, is the open code) rows: chapter, block, ancestors, siblings and children."""
        info = self.info
        rows = [
            (0, f"Chapter {info.chapter.number} ({info.chapter.range}) {info.chapter.title}", False),
            (1, f"{info.block.id} {info.block.title}", False),
        ]
        chain = list(reversed(icd10cm.ancestors(info.code)))
        for depth, code in enumerate(chain, start=2):
            rows.append((depth, self._line(code), False))
        depth = len(chain) + 2
        siblings = icd10cm.children(info.parent) if info.parent else [info.code]
        for code in siblings:
            rows.append((depth, self._line(code), code == info.code))
            if code == info.code:
                rows.extend((depth + 1, self._line(kid), False) for kid in info.children)
        return rows

    @staticmethod
    def _line(code: str) -> str:
        info = icd10cm.lookup(code)
        return _label(info.code, info.title, info.billable) if info else code

    def _tree_html(self, info: icd10cm.CodeInfo) -> str:
        items = []
        for depth, line, here in self._tree_rows():
            text = f"<b>{html.escape(line)}</b>" if here else html.escape(line)
            items.append(f"<div style='margin-left:{depth * 14}px'>{text}</div>")
        style = f"{PANE};font-family:monospace;font-size:85%;white-space:nowrap"
        return f"<div style='{style}'>{''.join(items)}</div>"

    @staticmethod
    def _detail_html(info: icd10cm.CodeInfo) -> str:
        flag = "billable" if info.billable else "not billable: code to a more specific code below it"
        parts = [
            f"<h4 style='margin:4px 0'>{html.escape(info.code)} {html.escape(info.title)}</h4>",
            f"<p style='margin:2px 0'><i>{html.escape(flag)}</i> &middot; {html.escape(info.release)}</p>",
        ]
        for kind, label in LABELS.items():
            notes = info.notes_of(kind)
            for source in dict.fromkeys(n.source for n in notes):
                where = "" if source == info.code else f" <small>(from {html.escape(source)})</small>"
                lines = "".join(f"<li>{html.escape(n.text)}</li>" for n in notes if n.source == source)
                parts.append(f"<div><b>{label}</b>{where}<ul style='margin:0'>{lines}</ul></div>")
        if info.seventh_characters:
            source = info.seventh_source
            where = "" if source == info.code else f" <small>(from {source})</small>"
            rows = "".join(
                f"<tr><td><b>{c}</b></td><td>{html.escape(m)}</td></tr>" for c, m in info.seventh_characters
            )
            parts.append(f"<div><b>7th characters</b>{where}<table>{rows}</table></div>")
        return f"<div style='{PANE}'>{''.join(parts)}</div>"

    def _verdict_html(self) -> str:
        text = html.escape(self.verdict_text())
        ok = not self.findings
        colour = "#1a7f37" if ok else "#9a6700"
        return f"<div style='border-left:4px solid {colour};padding:2px 8px'>{text}</div>"
