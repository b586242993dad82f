"""ipywidgets for the sandbox. Each widget lives in its own module and loads on first use::

    from autograder.widgets import CodeLookup
"""

from __future__ import annotations

from autograder import lazy

_WIDGETS = {
    "CodeLookup": "autograder.widgets.code_lookup",
    "ExamWidget": "autograder.widgets.exam",
    "ClaimBuilder": "autograder.widgets.claim_builder",
    "DrgExplorer": "autograder.widgets.drg_explorer",
}

__all__ = list(_WIDGETS)


__getattr__ = lazy.exports(__name__, _WIDGETS)
