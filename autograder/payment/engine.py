"""One msdrg grouper and one Medicare Code Editor per process, opened on first use and closed at exit."""

from __future__ import annotations

import atexit
import threading

_lock = threading.Lock()
_handles: dict[str, object] = {}


def _open(kind: str):
    handle = _handles.get(kind)
    if handle is None:
        with _lock:
            handle = _handles.get(kind)
            if handle is None:
                import msdrg

                handle = msdrg.MsdrgGrouper() if kind == "grouper" else msdrg.MceEditor()
                _handles[kind] = handle
    return handle


def grouper():
    """The shared ``msdrg.MsdrgGrouper`` (its tables load once; opening one per case would be slow)."""
    return _open("grouper")


def editor():
    """The shared ``msdrg.MceEditor``."""
    return _open("editor")


@atexit.register
def _close() -> None:
    for handle in _handles.values():
        handle.close()
    _handles.clear()
