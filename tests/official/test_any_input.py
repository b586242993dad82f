"""Whatever a learner types, the lookups answer with a result or ``None``, never a traceback,
and what they answer holds together."""

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from autograder.codes.normalize import normalize
from autograder.codes.official import cm_index, cm_tables, hcpcs_table, pcs

typed = st.one_of(
    st.text(max_size=40),
    st.text(alphabet="0123456789ABDFJKTZ", max_size=9),
    st.none(),
    st.integers(),
    st.lists(st.text(max_size=10), max_size=4),
)
quick = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@quick
@given(typed)
def test_index_walk_and_search(cache, value):
    result = cm_index.walk(value, index="external")
    assert result.code is None or result.path  # a code only where an entry was reached
    assert all(h.book == "external" for h in cm_index.search(value, index="external"))
    assert result.describe()


@quick
@given(typed)
def test_tables_pcs_and_hcpcs(cache, value):
    neoplasm = cm_tables.neoplasm_table(value, "benign")
    assert neoplasm.code is None or neoplasm.found
    step = pcs.build(*value) if isinstance(value, list) else pcs.build(value)
    assert step.complete or step.choices  # never stuck on a prefix no code starts with
    decoded = pcs.decode(value)
    assert decoded.problem or decoded.code == normalize(value)
    entry = hcpcs_table.lookup(value)
    assert entry is None or entry.code == normalize(value)
    assert all(e.long for e in hcpcs_table.search(value))


service_dates = st.one_of(
    st.none(),
    st.sampled_from((date.min, date(9999, 11, 1), date.max)),
    st.dates(),
    st.datetimes(),
    st.text(max_size=12),
    st.integers(),
)
codes = st.one_of(typed, st.text(alphabet="0123456789ABCDEFGHJKLMNPQRSTVWXYZ.", min_size=3, max_size=8))


@quick
@given(codes, service_dates)
def test_the_code_sets_with_releases_installed(cache, value, on):
    from autograder.codes import hcpcs, icd10cm, icd10pcs, modifiers

    for code_set in (icd10cm, icd10pcs, hcpcs):
        findings = code_set.validate(value, on=on)
        info = code_set.lookup(value, on=on)
        assert info is None or info.to_dict()["code"] and info.describe()
        assert all(f.severity in ("error", "warning") and f.message for f in findings)
    assert all(f.message for f in modifiers.validate(value, on=on))
    assert all(h.code for h in icd10cm.search(value))
