"""Whatever a learner types, the lookups answer with a result or ``None``, never a traceback,
and what they answer holds together."""

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
