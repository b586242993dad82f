"""X12 837 for claims: ``to_x12`` writes an 837P (005010X222A1) or 837I (005010X223A2)
interchange, ``from_x12`` reads one back into claim models, ``crosswalk`` shows which form item
travels in which loop and segment.

    from autograder.claims import example
    from autograder.claims.x12 import to_x12, from_x12
    text = to_x12(example("cms1500"))
    claims = from_x12(text)

Names are loaded on first use, so importing this package stays fast.
"""

from __future__ import annotations

from autograder import lazy

_EXPORTS = {
    "to_x12": "autograder.claims.x12.writer",
    "from_x12": "autograder.claims.x12.reader",
    "crosswalk": "autograder.claims.x12.mapping",
    "Envelope": "autograder.claims.x12.envelope",
    "X12Error": "autograder.claims.x12.errors",
    "X12WriteError": "autograder.claims.x12.errors",
}

__all__ = sorted(_EXPORTS)


__getattr__ = lazy.exports(__name__, _EXPORTS)
