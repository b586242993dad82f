"""``himlab x12 FILE --kind 837P|837I`` prints the interchange; ``himlab validate`` reads X12 input."""

from __future__ import annotations

import io
import json
import sys

import pytest

from autograder.claims import example
from autograder.claims.x12 import from_x12, to_x12
from autograder.cli import main


@pytest.fixture
def files(tmp_path):
    made = {}
    for form in ("cms1500", "ub04"):
        path = tmp_path / f"{form}.json"
        path.write_text(example(form).model_dump_json())
        made[form] = path
    both = tmp_path / "both.json"
    both.write_text(json.dumps([example(f).model_dump(mode="json") for f in ("cms1500", "ub04")]))
    made["both"] = both
    return made


@pytest.mark.parametrize(
    ("form", "kind", "version"), [("cms1500", "837P", "X222A1"), ("ub04", "837i", "X223A2")]
)
def test_prints_the_interchange(files, capsys, form, kind, version):
    assert main(["x12", str(files[form]), "--kind", kind, "--control-number", "17"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("ISA*") and f"*005010{version}~" in out and "*000000017*0*T*:~" in out
    assert from_x12(out)[0].form == form


def test_kind_defaults_to_the_form(files, capsys):
    assert main(["x12", str(files["ub04"])]) == 0
    assert "005010X223A2" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["x12", "ub04", "--kind", "837P"], "holds UB-04 claims: use --kind 837I"),
        (["x12", "both", "--kind", "837P"], "holds UB-04 claims"),
        (["x12", "nowhere.json"], "no such file"),
    ],
)
def test_usage_mistakes_exit_2_with_one_line(files, capsys, args, says):
    args = [str(files.get(a, a)) if a in files else a for a in args]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert says in err and "Traceback" not in err and err.count("\n") == 1


def test_a_claim_the_837_cannot_hold_names_the_field(tmp_path, capsys):
    claim = example("cms1500").model_dump(mode="json")
    claim["payer"]["payer_id"] = None
    path = tmp_path / "claim.json"
    path.write_text(json.dumps(claim))
    assert main(["x12", str(path)]) == 2
    assert "payer.payer_id is blank" in capsys.readouterr().err


def test_a_wrong_kind_word_is_refused(files, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["x12", str(files["cms1500"]), "--kind", "837D"])
    assert stop.value.code == 2
    assert "use 837P (CMS-1500) or 837I (UB-04)" in capsys.readouterr().err


def test_reads_standard_input(files, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(files["cms1500"].read_bytes())))
    assert main(["x12", "-"]) == 0
    assert "005010X222A1" in capsys.readouterr().out


def test_validate_reads_x12(tmp_path, capsys):
    good = tmp_path / "good.x12"
    good.write_text(to_x12(example("ub04")))
    assert main(["validate", str(good), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    claim = example("cms1500").model_dump(mode="json")
    claim["service_lines"][1]["diagnosis_pointers"] = ["C", "B", "A", "B"]
    flawed = tmp_path / "flawed.x12"
    flawed.write_text(to_x12(claim))
    assert main(["validate", str(flawed), "--json"]) == 1
    rows = json.loads(capsys.readouterr().out)
    assert [r["rule"] for r in rows] == ["cms1500.pointer-duplicate"]


def test_validate_names_the_segment_of_unreadable_x12(tmp_path, capsys):
    text = to_x12(example("cms1500")).replace("CLM*RIV0310*230*", "CLM*RIV0310*2E3*")
    broken = tmp_path / "broken.x12"
    broken.write_text(text)
    number = [line[:3] for line in text.split("~\n")].index("CLM") + 1
    assert main(["validate", str(broken)]) == 2
    assert f"segment {number}: CLM: CLM02 is '2E3'" in capsys.readouterr().err
