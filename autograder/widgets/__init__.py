"""ipywidgets for the sandbox. Each widget lives in its own module and loads on first use::

    from autograder.widgets import CodeLookup
"""

from __future__ import annotations

import importlib

_WIDGETS = {
    "CodeLookup": "autograder.widgets.code_lookup",
    "ExamWidget": "autograder.widgets.exam",
    "ClaimBuilder": "autograder.widgets.claim_builder",
    "DrgExplorer": "autograder.widgets.drg_explorer",
}

__all__ = list(_WIDGETS)


def __getattr__(name: str):
    if name in _WIDGETS:
        return getattr(importlib.import_module(_WIDGETS[name]), name)
    raise AttributeError(f"module 'autograder.widgets' has no attribute {name!r}")
