"""Whatever a user writes, validation reports findings; it never raises."""

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spbe_arch.validate import load_model

_KEYS = st.sampled_from(
    ["units", "applications", "id", "name", "kind", "owner", "hosting", "instansi", "x", "-"]
)
_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.text(string.printable, max_size=8), _KEYS
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(_KEYS, inner, max_size=3)),
    max_leaves=12,
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(string.printable, max_size=120))
def test_any_text_gives_findings_not_exceptions(make_model, text):
    load_model(make_model({"f.yaml": text}))


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.dictionaries(_KEYS, _VALUES, max_size=4))
def test_any_structure_gives_located_findings(make_model, data):
    import json

    result = load_model(make_model({"f.json": json.dumps(data)}))
    assert all(f.location is not None and f.location.line >= 1 for f in result.findings)
