"""Certification prep: an original item bank, exam blueprints, a practice-exam engine and a progress store.

Everything loads on first use, so importing this package costs nothing::

    from autograder.exam import blueprint, load_bank, plan_exam, ExamSession, ProgressStore
"""

from __future__ import annotations

from autograder import lazy

EXAMS = ("cpc", "cca", "ccs", "rhit")

_PUBLIC = {
    "Item": "autograder.exam.items",
    "BankError": "autograder.exam.items",
    "load_bank": "autograder.exam.bank",
    "items_for": "autograder.exam.bank",
    "get_item": "autograder.exam.bank",
    "bank_stats": "autograder.exam.bank",
    "Blueprint": "autograder.exam.blueprint",
    "blueprint": "autograder.exam.blueprint",
    "load_blueprints": "autograder.exam.blueprint",
    "credit": "autograder.exam.scoring",
    "score_attempt": "autograder.exam.scoring",
    "ExamError": "autograder.exam.engine",
    "ExamSession": "autograder.exam.engine",
    "plan_exam": "autograder.exam.engine",
    "plan_quiz": "autograder.exam.engine",
    "plan_review": "autograder.exam.engine",
    "ProgressStore": "autograder.exam.store",
    "himlab_home": "autograder.exam.store",
}

__all__ = ["EXAMS", *_PUBLIC]


__getattr__ = lazy.exports(__name__, _PUBLIC)
