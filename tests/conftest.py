import os

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
