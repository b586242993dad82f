"""Public faces load their modules on first use and refuse names they do not export."""

import subprocess
import sys

import pytest

from autograder import lazy


def test_an_exported_name_is_loaded_from_its_module():
    getattr_ = lazy.exports("pkg", {"dumps": "json"})
    import json

    assert getattr_("dumps") is json.dumps


def test_a_name_not_exported_is_an_attribute_error_naming_the_package():
    getattr_ = lazy.exports("pkg", {"dumps": "json"})
    with pytest.raises(AttributeError, match="'pkg' has no attribute 'loads'"):
        getattr_("loads")


def test_importing_a_public_face_loads_none_of_its_modules():
    code = (
        "import sys, autograder.claims, autograder.payment, autograder.exam;"
        "print(sorted(m for m in sys.modules if m.startswith(('autograder.claims.', 'msdrg', 'pydantic'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
