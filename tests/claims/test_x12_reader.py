"""from_x12: reads 837s with the delimiters their ISA declares, and meets broken input with one clear
error (X12Error, naming the segment) - never any other exception."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from autograder.claims import example
from autograder.claims.models import InstitutionalClaim, ProfessionalClaim
from autograder.claims.x12 import Envelope, X12Error, from_x12, to_x12
from autograder.claims.x12.segments import Delimiters
from autograder.claims.x12.synthetic import claims as synthetic_claims

PROFESSIONAL = to_x12(synthetic_claims("837P", 3, seed=5))
INSTITUTIONAL = to_x12(synthetic_claims("837I", 3, seed=5))


def replace_segment(text: str, seg_id: str, new: str, occurrence: int = 0) -> str:
    lines = text.split("~\n")
    hits = [i for i, line in enumerate(lines) if line.split("*")[0] == seg_id]
    lines[hits[occurrence]] = new
    return "~\n".join(lines)


def segment_number(text: str, seg_id: str) -> int:
    return [line.split("*")[0] for line in text.split("~\n")].index(seg_id) + 1


def test_reads_both_kinds_into_their_models():
    professional = from_x12(PROFESSIONAL)
    institutional = from_x12(INSTITUTIONAL)
    assert [type(c) for c in professional] == [ProfessionalClaim] * 3
    assert [type(c) for c in institutional] == [InstitutionalClaim] * 3
    assert from_x12(PROFESSIONAL.encode("ascii")) == professional


@pytest.mark.parametrize("layout", ["~", "~\n", "~\r\n"])
def test_line_breaks_between_segments_do_not_matter(layout):
    text = PROFESSIONAL.replace("~\n", layout)
    assert from_x12(text) == from_x12(PROFESSIONAL)


def test_delimiters_come_from_the_isa():
    marks = Delimiters(element="|", component=">", segment="!", repetition="^")
    text = to_x12(example("cms1500"), envelope=Envelope(delimiters=marks))
    assert "*" not in text and from_x12(text) == from_x12(to_x12(example("cms1500")))


@pytest.mark.parametrize(
    ("change", "where", "says"),
    [
        (lambda t: replace_segment(t, "SE", "SE*99*0001"), "SE", "SE01 says '99'"),
        (lambda t: replace_segment(t, "SE", "SE*40*0002"), "SE", "does not match ST02"),
        (lambda t: replace_segment(t, "GE", "GE*1*77"), "GE", "does not match GS06"),
        (lambda t: replace_segment(t, "GS", "GS*HC*A*B*20260101*1200*1*X*005010X279A1"), "GS", "GS08"),
        (lambda t: replace_segment(t, "ST", "ST*835*0001*005010X222A1"), "ST", "ST01"),
        (lambda t: replace_segment(t, "CLM", "CLM*A1*12x5***11:B:1*Y*A*Y*Y"), "CLM", "CLM02 is '12x5'"),
        (lambda t: replace_segment(t, "SV1", "SV1*HC:99213*1O0*UN*1***1"), "SV1", "SV102 is '1O0'"),
        (lambda t: replace_segment(t, "HL", "HL*2*9*22*0", 1), "HL", "HL02 '9'"),
        (lambda t: replace_segment(t, "HL", "HL*2*1*21*0", 1), "HL", "HL03 '21'"),
        (lambda t: replace_segment(t, "LX", "lx*1"), "lx", "not a segment id"),
    ],
)
def test_broken_interchanges_name_the_segment(change, where, says):
    text = change(PROFESSIONAL)
    with pytest.raises(X12Error) as caught:
        from_x12(text)
    message = str(caught.value)
    assert says in message
    number = segment_number(text, where) if where not in {"HL", "SE"} else caught.value.segment
    assert message.startswith(f"segment {number}: ")
    assert caught.value.segment == number > 0


def test_hl_error_points_at_the_second_hl():
    text = replace_segment(PROFESSIONAL, "HL", "HL*2*9*22*0", 1)
    lines = text.split("~\n")
    second_hl = [i + 1 for i, line in enumerate(lines) if line.startswith("HL*")][1]
    with pytest.raises(X12Error) as caught:
        from_x12(text)
    assert caught.value.segment == second_hl


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "starts with an ISA"),
        ("hello", "starts with an ISA"),
        ("ISA*00*", "106 characters"),
        (PROFESSIONAL[:400], "no matching"),
        (PROFESSIONAL.rsplit("IEA", 1)[0], "no IEA"),
        (PROFESSIONAL + "ST*837*0002~", "after the IEA"),
        ("ISA" + "A" * 120, "not a delimiter"),
    ],
)
def test_text_that_is_not_an_837(text, says):
    with pytest.raises(X12Error, match=says):
        from_x12(text)


def test_non_ascii_bytes_and_wrong_types():
    with pytest.raises(X12Error, match="byte 3 is not ASCII"):
        from_x12(b"ISA\xff")
    with pytest.raises(X12Error, match="expected X12 text"):
        from_x12(12345)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600))
def test_random_bytes_give_a_clear_error(data):
    with pytest.raises(X12Error):
        from_x12(data)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300), st.sampled_from([PROFESSIONAL, INSTITUTIONAL]), st.integers(0, 5000))
def test_random_text_spliced_into_an_837(junk, text, at):
    at = at % len(text)
    try:
        result = from_x12(text[:at] + junk + text[at:])
    except X12Error as error:
        assert str(error)
    else:
        assert all(isinstance(c, ProfessionalClaim | InstitutionalClaim) for c in result)


def _mutate(rng: random.Random, text: str) -> str:
    if len(text) < 2:
        return text
    segments = text.split("~\n")
    kind = rng.randrange(7)
    i = rng.randrange(len(segments))
    if kind == 0:
        del segments[i]
    elif kind == 1:
        segments.insert(i, segments[rng.randrange(len(segments))])
    elif kind == 2 and i + 1 < len(segments):
        segments[i], segments[i + 1] = segments[i + 1], segments[i]
    elif kind == 3:
        return text[: rng.randrange(len(text))]
    elif kind == 4:
        pos = rng.randrange(len(text))
        return text[:pos] + rng.choice("*:~^!\n 0A9-.") + text[pos + 1 :]
    elif kind == 5:
        elements = segments[i].split("*")
        elements[rng.randrange(len(elements))] = rng.choice(
            ["", "X", "12.3.4", "-", "ABK:", "99999999", ":::"]
        )
        segments[i] = "*".join(elements)
    else:
        segments[i] = (
            segments[i] + "*" + "*".join(rng.choice(["", "Y", "1:2"]) for _ in range(rng.randrange(4)))
        )
    return "~\n".join(segments)


def _recount(text: str) -> str:
    """Set each SE01 to its transaction's real segment count, so a mutation reaches the claim loops
    instead of stopping at the envelope check."""
    segments = text.split("~\n")
    start = None
    for i, seg in enumerate(segments):
        if seg.startswith("ST*"):
            start = i
        elif seg.startswith("SE*") and start is not None:
            parts = seg.split("*")
            segments[i] = "*".join(["SE", str(i - start + 1), *parts[2:]])
    return "~\n".join(segments)


@pytest.mark.parametrize("source", [PROFESSIONAL, INSTITUTIONAL], ids=["837P", "837I"])
def test_ten_thousand_mutations_give_claims_or_a_clear_error(source):
    rng = random.Random(20260312)
    outcomes = {"claims": 0, "error": 0}
    for _ in range(10_000):
        text = source
        for _ in range(rng.randint(1, 3)):
            text = _mutate(rng, text)
        if rng.random() < 0.7:
            text = _recount(text)
        try:
            result = from_x12(text)
        except X12Error as error:
            assert 0 <= error.segment <= text.count("~") + 1
            outcomes["error"] += 1
        else:
            assert all(isinstance(c, ProfessionalClaim | InstitutionalClaim) for c in result)
            outcomes["claims"] += 1
    assert outcomes["claims"] > 0 and outcomes["error"] > 0


def test_a_stray_segment_between_transactions_is_named():
    text = PROFESSIONAL.replace("~\nGE*", "~\nXX*1~\nGE*")
    number = segment_number(text, "XX")
    with pytest.raises(X12Error, match=f"^segment {number}: XX: found XX where an ST"):
        from_x12(text)
    missing_se = "~\n".join(line for line in PROFESSIONAL.split("~\n") if not line.startswith("SE*"))
    with pytest.raises(X12Error, match="this ST has no matching SE: a GE"):
        from_x12(missing_se)
