"""A second opinion on an 837: pyx12, which validates X12 against the implementation guides' maps.

``pyx12_problems(text)`` lists every error pyx12 reports for an interchange and its 999's verdict; an
empty list means pyx12 accepts it. pyx12 logs each error as it goes: the logger is quietened here, the
errors are read from pyx12's JSON report instead.
"""

from __future__ import annotations

import io
import json
import logging


def pyx12_problems(text: str) -> list[str]:
    """Every error pyx12 reports for ``text`` (empty when it accepts it), and its 999's verdict."""
    import pyx12.params
    import pyx12.x12n_document

    logging.getLogger("pyx12").setLevel(logging.CRITICAL)
    ack, report = io.StringIO(), io.StringIO()
    accepted = pyx12.x12n_document.x12n_document(
        pyx12.params.params(), io.StringIO(text), ack, None, fd_json=report
    )
    problems: list[str] = []

    def collect(node):
        if isinstance(node, dict):
            problems.extend(str(e.get("err_str", e)) for e in node.get("errors") or [])
            for key, value in node.items():
                if key != "errors":
                    collect(value)
        elif isinstance(node, list):
            for item in node:
                collect(item)

    collect(json.loads(report.getvalue() or "{}"))
    verdict = [line for line in ack.getvalue().split("~") if line.strip().startswith("AK9")]
    if not accepted or not verdict or not verdict[0].strip().startswith("AK9*A"):
        problems.append(f"not accepted (999 {verdict[0].strip() if verdict else 'missing'})")
    return problems
