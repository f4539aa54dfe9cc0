"""Every persona can follow every link its pages offer: no 403, no 404, no server error and
no empty page, starting from the landing page and following links two steps deep (issue 16:
"Links that lead to 403 or to empty pages"). The browser half of the walk, the 360-px
overflow, is ``core/tests/test_browser_every_persona_at_360.py``."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest

from waypoint.demo.personas import PERSONAS, personas_ensure, personas_two_step
from waypoint.demo.population import population_build

pytestmark = pytest.mark.django_db

# Links that end the session or change state on GET are not followed.
SKIPPED = re.compile(r"^/(accounts/logout|i18n/|static/|media/|api/|openrosa/|django-admin/)")
DEPTH = 2
PER_PERSONA = 120


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.main_text: list[str] = []
        self._in_main = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.links.append(str(values["href"]))
        if tag == "main":
            self._in_main += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "main":
            self._in_main -= 1

    def handle_data(self, data: str) -> None:
        if self._in_main and data.strip():
            self.main_text.append(data.strip())


def _walk(client, start: str) -> tuple[dict[str, int], list[str], int]:
    """Breadth-first from ``start``: the failures (path -> status), the empty pages, and how
    many pages were read."""
    seen = {start}
    frontier = [start]
    failures: dict[str, int] = {}
    empty: list[str] = []
    read = 0
    for _depth in range(DEPTH + 1):
        following: list[str] = []
        for path in frontier:
            if read >= PER_PERSONA:
                break
            answer = client.get(path, follow=True)
            read += 1
            if answer.status_code != 200:
                failures[path] = answer.status_code
                continue
            if "text/html" not in answer.get("Content-Type", ""):
                continue
            parser = _Links()
            parser.feed(answer.content.decode())
            words = " ".join(parser.main_text).split()
            if len(words) < 8:
                empty.append(path)
            for href in parser.links:
                target = urlsplit(urljoin(path, href))
                if target.netloc or not target.path.startswith("/") or SKIPPED.match(target.path):
                    continue
                link = target.path + (f"?{target.query}" if target.query else "")
                if link not in seen:
                    seen.add(link)
                    following.append(link)
        frontier = following
    return failures, empty, read


@pytest.fixture
def people(places, tmp_path):
    population_build(people=60, seed=4, reset=False, ground_truth_path=tmp_path / "truth.csv")
    personas_ensure(password="a-long-demo-passphrase")
    personas_two_step()


@pytest.mark.parametrize("persona", [persona.email for persona in PERSONAS])
def test_every_link_a_persona_is_offered_leads_to_a_page_with_something_on_it(
    client, people, persona
):
    from waypoint.accounts.models import User

    client.force_login(User.objects.get(email=persona))
    failures, empty, read = _walk(client, "/accounts/home/")
    assert read > 3
    assert failures == {}, f"{persona}: links that answer with an error: {failures}"
    assert empty == [], f"{persona}: pages with nothing on them: {empty}"
