"""``DrgExplorer``: group a case, read why it got its MS-DRG, then change one thing and see what moves.

Type the principal diagnosis, secondary diagnoses (one per line, ``CODE:POA``), procedures, age,
sex and discharge status, then Group. The what-if row adds or removes a secondary diagnosis or
changes the discharge status; each change shows the MS-DRG and IPPS difference with the reason
(``autograder.payment.what_if``) and becomes the case to explore next. CSS classes
``himlab-drg-inputs``, ``himlab-drg-result`` and ``himlab-drg-change`` let a browser find the panes.

Without a notebook frontend the explorer prints itself as text::

    DrgExplorer({"pdx": "J18.9", "sdx": ["J96.01:Y"], "age": 70, "sex": "F"})
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from autograder.payment import CaseError, Hospital, group, ipps_estimate, what_if
from autograder.payment.discharge import DISCHARGE_STATUS


def _has_frontend() -> bool:
    """True inside a Jupyter kernel, where a widget can be drawn."""
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None


class DrgExplorer:
    """Inputs, a Group button, the explained result and a what-if row.

    :meth:`run` and :meth:`change` are what the buttons call; they can be called directly too.
    """

    def __init__(self, case: dict | None = None, wage_index: float = 1.0) -> None:
        self.hospital = Hospital(wage_index=wage_index)
        self.result = None
        self.last_change = None
        self.message = ""

        self.pdx = widgets.Text(description="PDX", placeholder="J18.9")
        self.sdx = widgets.Textarea(description="SDX", placeholder="J96.01:Y\nE11.9:Y")
        self.procedures = widgets.Text(description="PCS", placeholder="0BH17EZ 0SRC0J9")
        self.age = widgets.BoundedIntText(description="Age", value=65, min=0, max=124)
        self.sex = widgets.Dropdown(
            description="Sex", options=[("female", "F"), ("male", "M"), ("unknown", "U")]
        )
        statuses = [(f"{code} {text}", code) for code, (text, _) in DISCHARGE_STATUS.items()]
        self.status = widgets.Dropdown(description="Status", options=statuses, value="01")
        self.group_button = widgets.Button(description="Group")
        self.output = widgets.HTML()
        self.add_box = widgets.Text(description="Add SDX", placeholder="N17.9:Y", continuous_update=False)
        self.remove_box = widgets.Dropdown(description="Remove SDX", options=[])
        self.status_box = widgets.Dropdown(description="New status", options=[("", "")] + statuses)
        self.change_output = widgets.HTML()

        self.group_button.on_click(lambda _: self.run())
        self.add_box.observe(lambda c: self._from_box(c, self.add_box, "add_sdx"), names="value")
        self.remove_box.observe(lambda c: self._from_box(c, self.remove_box, "remove_sdx"), names="value")
        self.status_box.observe(
            lambda c: self._from_box(c, self.status_box, "discharge_status"), names="value"
        )
        inputs = widgets.VBox([self.pdx, self.sdx, self.procedures, self.age, self.sex, self.status])
        changes = widgets.VBox([self.add_box, self.remove_box, self.status_box, self.change_output])
        for widget, name in (
            (inputs, "himlab-drg-inputs"),
            (self.output, "himlab-drg-result"),
            (changes, "himlab-drg-change"),
        ):
            widget.add_class(name)
        self.view = widgets.VBox([inputs, self.group_button, self.output, changes])

        if case:
            self._fill(case)
            self.run()
        if _has_frontend():
            from IPython.display import display

            display(self.view)
        elif case:
            print(self.text())

    def _from_box(self, change: dict, box, what: str) -> None:
        if change["new"]:
            value = change["new"]
            self.change(**{what: value if what == "discharge_status" else [value]})
            box.value = ""

    def _fill(self, case: dict) -> None:
        self.pdx.value = str(case.get("pdx", ""))
        self.sdx.value = "\n".join(str(d) for d in case.get("sdx", ()))
        self.procedures.value = " ".join(case.get("procedures", ()))
        self.age.value = int(case.get("age", 65))
        self.sex.value = case.get("sex", "U")
        self.status.value = case.get("discharge_status", "01")

    def fields(self) -> dict:
        """The case the inputs describe, as ``group()`` takes it."""
        return {
            "pdx": self.pdx.value,
            "sdx": [line for line in self.sdx.value.splitlines() if line.strip()],
            "procedures": self.procedures.value.replace(",", " ").split(),
            "age": self.age.value,
            "sex": self.sex.value,
            "discharge_status": self.status.value,
        }

    def run(self):
        """Group the inputs and show the explained result (or what to fix)."""
        try:
            self.result = group(self.fields())
        except CaseError as exc:
            self.result, self.message = None, str(exc)
            self.output.value = f"<p class='himlab-drg-error'>{html.escape(self.message)}</p>"
            return None
        self.message = ""
        estimate = ipps_estimate(self.result, hospital=self.hospital) if self.result.weight else None
        lines = self.result.describe().splitlines() + (list(estimate.steps) if estimate else [])
        self.output.value = "<br>".join(html.escape(line) for line in lines)
        self.remove_box.options = [""] + [d.display for d in self.result.case.sdx]
        return self.result

    def change(self, **changes):
        """Apply one what-if change to the grouped case, show the difference, and keep the new case."""
        if self.result is None and self.run() is None:
            return None
        try:
            self.last_change = what_if(self.result.case, hospital=self.hospital, **changes)
        except CaseError as exc:
            self.message = str(exc)
            self.change_output.value = f"<p class='himlab-drg-error'>{html.escape(self.message)}</p>"
            return None
        self.change_output.value = "<br>".join(
            html.escape(r) for r in self.last_change.describe().splitlines()
        )
        after = self.last_change.after.case
        self._fill(
            {
                "pdx": after.pdx.display,
                "sdx": [str(d) for d in after.sdx],
                "procedures": after.procedures,
                "age": after.age,
                "sex": after.sex,
                "discharge_status": after.discharge_status,
            }
        )
        self.run()
        return self.last_change

    def text(self) -> str:
        """The result as plain text (what a run without a notebook prints)."""
        return self.message or (self.result.describe() if self.result else "")
