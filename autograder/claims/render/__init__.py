"""Drawing a claim as the paper form it stands for: ``render(claim, findings)`` returns a
:class:`FormRendering` that shows in Jupyter (``_repr_html_``), and has ``.html`` and ``.save(path)``.

The CMS-1500 and UB-04 are drawn by this project (SVG boxes placed as on the forms, item numbers and
form locators printed in the corners); no image of the printed forms is used. Fields a finding
points at are outlined (red for errors, amber for warnings) with the finding's number, and the
findings are listed beside the form.
"""

from __future__ import annotations

from autograder.claims.render.draw import FormRendering, render

__all__ = ["FormRendering", "render"]
