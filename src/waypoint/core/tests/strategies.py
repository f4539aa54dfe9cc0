"""Hypothesis strategies for hostile form input: every script users type, and worse."""

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

SCRIPTS = st.sampled_from(
    [
        "محمد عبد الرحمن",
        "ሰላም",
        "মোহাম্মদ রহমান",
        "Мухамед Ђорђевић",
        "Muhammad Abdulrahman",
        "حسین احمدی",
        "Šćepanović Žarko",
        "01.01.1990",
        "",
        " ",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "\u202etxet",
        "🙂" * 3,
        "a" * 5000,
        "9" * 40,
        "-1",
        "1e309",
        "NaN",
    ]
)

TEXT = st.one_of(SCRIPTS, st.text(max_size=300), st.text(min_size=1000, max_size=3000))

FUZZ = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def form_data(fields: list[str]) -> st.SearchStrategy[dict[str, str]]:
    """Any subset of ``fields`` filled with hostile text."""
    return st.dictionaries(st.sampled_from(fields), TEXT, max_size=len(fields))
