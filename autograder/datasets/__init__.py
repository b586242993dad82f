"""Synthetic datasets for exercises: patients, documented encounters with gold coding, clean and
flawed claims, remittances, an EHR extract with planted defects and a release-of-information log.

    from autograder.datasets import generate
    summary = generate("out", seed=42)          # same seed and sizes: byte-identical files

Every person, provider, payer and identifier is invented; nothing describes a real patient.
``himlab datasets generate`` is the command-line face; ``autograder.datasets.flaws.library()`` lists
the flaws planted in claims. Names load on first use.
"""

from __future__ import annotations

from autograder import lazy

_EXPORTS = {
    "generate": "autograder.datasets.builder",
    "DEFAULT_SEED": "autograder.datasets.defaults",
    "DEFAULT_PATIENTS": "autograder.datasets.defaults",
    "DEFAULT_CLAIMS": "autograder.datasets.defaults",
    "SCENARIOS": "autograder.datasets.scenarios",
}

__all__ = sorted(_EXPORTS)


__getattr__ = lazy.exports(__name__, _EXPORTS)
