import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

# No deadline and no too_slow health check: both time the machine, not the code,
# and fail when it is busy. Work is bounded by counting it (tests/work.py).
for name, examples in (("default", 200), ("ci", 300), ("thorough", 5000)):
    settings.register_profile(
        name, max_examples=examples, deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "default")
)


@pytest.fixture(autouse=True)
def _environment_as_it_was() -> Iterator[None]:
    """Each test sees the environment the suite started with.

    Starting a Dask cluster with worker processes sets MALLOC_TRIM_THRESHOLD_,
    PYTHONHASHSEED and thread counts in os.environ; every `chrono` process a later
    test starts would inherit them and allocate differently from a user's.
    """
    saved = dict(os.environ)
    yield
    if os.environ != saved:
        os.environ.clear()
        os.environ.update(saved)
