"""schemathesis against the hub's own OpenAPI document, on a real hub (PostgreSQL when
KASSA_TEST_POSTGRES_URL is set, else SQLite): generated and mutated requests to every
operation, authenticated as a till or as the administrator, must never make a 500, and every
answer must match the schema the document gives for its status.

The SSE feed never ends by design, so it is left out here (tests/hub/test_feed.py covers it);
the long poll is called with a timeout of at most 0.1 s to keep the run short."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error, response_schema_conformance

from hub.testing import HubProcess, running_hub
from tests.hub.conftest import POSTGRES_URL

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[HubProcess, str]]:
    # PostgreSQL where there is one: it is the stricter of the two (lengths, integer ranges).
    with running_hub(tmp_path_factory.mktemp("hub-schemathesis"), POSTGRES_URL) as hub:
        hub.seed_demo(("S1",))
        till = hub.enrol("S1", "R1")
        yield hub, till.credential


def call(case: schemathesis.Case, hub: HubProcess, credential: str) -> None:
    token = hub.admin_token if case.path.startswith("/v1/admin") else credential
    if case.path == "/v1/feed/poll":  # a valid timeout becomes 0.1 s, the default (25) too
        case.query = dict(case.query or {})
        wait = case.query.get("timeout", 25)
        if isinstance(wait, int | float) and not isinstance(wait, bool) and wait > 0.1:
            case.query["timeout"] = 0.1
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"},
                           checks=[not_a_server_error, response_schema_conformance], timeout=30)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_no_request_makes_a_server_error(api: tuple[HubProcess, str], mode: GenerationMode):
    hub, credential = api
    schema = schemathesis.openapi.from_url(f"{hub.url}/openapi.json").exclude(path="/v1/feed")
    failures: list[str] = []
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 14

    for operation in operations:
        @settings(max_examples=10, deadline=None, database=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy(generation_mode=mode))
        def run(case: schemathesis.Case) -> None:
            call(case, hub, credential)

        try:
            run()
        except Unsatisfiable:  # nothing to negate in an operation without parameters
            pass
        except Exception as error:  # collect every operation's failure, then report them all
            failures.append(f"{operation.label}: {error}"[:3000])
    assert not failures, "\n\n".join(failures)
