"""The committed catalogues hold every message the source marks, translated where it must be.

A copy of the source (Python and template files and the committed ``.po`` files, no tests) is
run through ``makemessages --no-obsolete`` for the seven languages, as ``make messages`` does,
so the repository's catalogues are never touched. The regenerated catalogues say which
messages exist today; the committed ones say what a page shows. Staff pages speak Bosnian,
so every Bosnian message is translated; the portal speaks all eight languages, so every
portal string (``waypoint.portal.catalogue.is_portal_source`` and
``portal_messages_from_elsewhere``) is translated in each. Fix a failure with ``make
messages``, then translate what the failure lists.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from textwrap import dedent

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

from waypoint.portal.catalogue import (
    CONTENT_DIR,
    PAGES,
    is_portal_source,
    portal_messages_from_elsewhere,
)

SOURCE = Path(settings.LOCALE_PATHS[0]).parent  # src/waypoint
LANGUAGES = ("bs", "ar", "fa", "ps", "ur", "bn", "fr")  # English is the source
PORTAL_ONLY_LANGUAGES = ("ar", "fa", "ps", "ur", "bn", "fr")
READ_BY_MAKEMESSAGES = (".py", ".html", ".txt")
SHOWN = 40  # messages listed in a failure; the count is always given

Key = tuple[str | None, str]  # (msgctxt, msgid)


@dataclass
class Message:
    msgid: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstrs: list[str] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)
    references: list[str] = field(default_factory=list)

    @property
    def key(self) -> Key:
        return (self.msgctxt, self.msgid)

    @property
    def is_translated(self) -> bool:
        return bool(self.msgstrs) and all(self.msgstrs) and "fuzzy" not in self.flags


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


def _unquote(text: str) -> str:
    body = text.strip()[1:-1]
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(0)), body)


def read_catalogue(path: Path) -> dict[Key, Message]:
    """A .po file's messages by (context, msgid); the header and obsolete entries left out."""
    messages: dict[Key, Message] = {}
    current = Message()
    target: tuple[str, int] | None = None

    def finish() -> None:
        nonlocal current, target
        if current.msgid:
            messages[current.key] = current
        current, target = Message(), None

    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            finish()
        elif line.startswith("#:"):
            current.references.extend(line[2:].split())
        elif line.startswith("#,"):
            current.flags.update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue  # comments, previous msgids (#|), obsolete entries (#~)
        elif line.startswith('"') and target is not None:
            name, index = target
            if name == "msgstr":
                current.msgstrs[index] += _unquote(line)
            else:
                setattr(current, name, (getattr(current, name) or "") + _unquote(line))
        else:
            keyword, _, rest = line.partition(" ")
            plural_form = re.fullmatch(r"msgstr\[(\d+)\]", keyword)
            if keyword in ("msgid", "msgctxt", "msgid_plural"):
                setattr(current, keyword, _unquote(rest))
                target = (keyword, 0)
            elif keyword == "msgstr" or plural_form:
                current.msgstrs.append(_unquote(rest))
                target = ("msgstr", len(current.msgstrs) - 1)
    finish()
    return messages


def _copy_for_makemessages(directory: str, names: list[str]) -> set[str]:
    """What to leave out of the copy: tests, and every file makemessages neither reads nor
    writes (the committed .po files are copied so that msgmerge keeps their translations)."""
    left_out = set()
    for name in names:
        path = Path(directory) / name
        if path.is_dir():
            if name in ("tests", "__pycache__") or name.startswith("."):
                left_out.add(name)
        elif not name.endswith((*READ_BY_MAKEMESSAGES, ".po")):
            left_out.add(name)
    return left_out


@dataclass(frozen=True, repr=False)  # a failure shows the list, not every message
class Catalogues:
    regenerated: dict[str, dict[Key, Message]]
    committed: dict[str, dict[Key, Message]]
    repository_untouched: bool


@pytest.fixture(scope="module")
def catalogues(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Catalogues]:
    committed_files = sorted((SOURCE / "locale").glob("*/LC_MESSAGES/django.*"))
    before = {path: path.stat().st_mtime_ns for path in committed_files}
    copy = tmp_path_factory.mktemp("catalogues") / "waypoint"
    shutil.copytree(SOURCE, copy, ignore=_copy_for_makemessages)
    with pytest.MonkeyPatch.context() as patch, override_settings(LOCALE_PATHS=[copy / "locale"]):
        patch.chdir(copy)  # makemessages reads the tree under the working directory
        call_command("makemessages", locale=list(LANGUAGES), no_obsolete=True, verbosity=0)
    yield Catalogues(
        regenerated={
            code: read_catalogue(copy / "locale" / code / "LC_MESSAGES" / "django.po")
            for code in LANGUAGES
        },
        committed={
            code: read_catalogue(SOURCE / "locale" / code / "LC_MESSAGES" / "django.po")
            for code in LANGUAGES
        },
        repository_untouched=before == {path: path.stat().st_mtime_ns for path in committed_files},
    )


def _listed(problems: list[str]) -> str:
    shown = "\n  ".join(problems[:SHOWN])
    more = f"\n  … and {len(problems) - SHOWN} more" if len(problems) > SHOWN else ""
    return f"{len(problems)} message(s); run `make messages`, then translate:\n  {shown}{more}"


def _state(message: Message | None) -> str:
    if message is None:
        return "missing"
    return "fuzzy" if "fuzzy" in message.flags else "untranslated"


def _is_portal_string(message: Message, from_elsewhere: frozenset[str]) -> bool:
    return (
        any(is_portal_source(reference) for reference in message.references)
        or message.msgid in from_elsewhere
    )


def test_the_copy_yields_the_catalogues_the_source_marks(catalogues):
    # The regeneration itself works: it found the portal's and the staff pages' messages.
    bosnian = catalogues.regenerated["bs"]
    assert (None, "Can I apply?") in bosnian
    assert any(ref.startswith("accounts/") for m in bosnian.values() for ref in m.references)
    assert catalogues.repository_untouched


def test_portal_strings_are_the_public_portal_and_what_it_shows_from_elsewhere():
    assert is_portal_source("portal/templates/portal/apply.html:12")
    assert is_portal_source("portal/stages.py:13")
    assert not is_portal_source("portal/staff_views.py:40")
    assert not is_portal_source("portal/templates/portal/staff/edit.html:3")
    assert not is_portal_source("returns/views.py:10")
    assert {"Afghanistan", "Travel booked"} <= portal_messages_from_elsewhere()


def test_the_reader_reads_flags_plurals_and_continued_lines(tmp_path):
    po = tmp_path / "django.po"
    po.write_text(
        dedent(r"""
            msgid ""
            msgstr ""
            "Language: bs\n"

            #: portal/views.py:1 portal/views.py:2
            #, fuzzy, python-format
            #| msgid "Old"
            msgid ""
            "Hello %(name)s, "
            "\"friend\""
            msgstr "Zdravo"

            msgctxt "month"
            msgid "%(n)d day"
            msgid_plural "%(n)d days"
            msgstr[0] "%(n)d dan"
            msgstr[1] ""
        """),
        encoding="utf-8",
    )
    messages = read_catalogue(po)
    hello = messages[(None, 'Hello %(name)s, "friend"')]
    assert hello.references == ["portal/views.py:1", "portal/views.py:2"]
    assert "fuzzy" in hello.flags and not hello.is_translated
    days = messages[("month", "%(n)d day")]
    assert (days.msgid_plural, days.msgstrs) == ("%(n)d days", ["%(n)d dan", ""])
    assert not days.is_translated
    assert len(messages) == 2  # the header is not a message


def test_every_bosnian_message_is_present_and_translated(catalogues):
    committed = catalogues.committed["bs"]
    problems = [
        f"[{_state(committed.get(key))}] {key[1]!r}"
        for key in catalogues.regenerated["bs"]
        if not (key in committed and committed[key].is_translated)
    ]
    assert not problems, "Bosnian: " + _listed(problems)


@pytest.mark.parametrize("language", PORTAL_ONLY_LANGUAGES)
def test_every_portal_string_is_translated(catalogues, language):
    from_elsewhere = portal_messages_from_elsewhere()
    portal = [
        key
        for key, message in catalogues.regenerated[language].items()
        if _is_portal_string(message, from_elsewhere)
    ]
    assert len(portal) > 100  # the definition still finds the portal
    committed = catalogues.committed[language]
    problems = [
        f"[{_state(committed.get(key))}] {key[1]!r}"
        for key in portal
        if not (key in committed and committed[key].is_translated)
    ]
    assert not problems, f"{language} portal strings: " + _listed(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_committed_catalogue_is_not_stale(catalogues, language):
    regenerated = set(catalogues.regenerated[language])
    committed = set(catalogues.committed[language])
    problems = [f"[not in the catalogue] {key[1]!r}" for key in sorted(regenerated - committed)]
    problems += [f"[no longer in the source] {key[1]!r}" for key in sorted(committed - regenerated)]
    assert not problems, f"{language} catalogue is stale: " + _listed(problems)


# %(name)s, %s, %d (not %%), and {name} / {} / {0}: a translation that drops, adds or
# misspells one raises KeyError or TypeError when the page renders.
PLACEHOLDER = re.compile(
    r"%%|%\(\w+\)[#0+-]*\d*(?:\.\d+)?[sdifrxXeEgGcua]|%[#0+-]*\d*(?:\.\d+)?[sdifrxXeEgGcua]"
    r"|\{\w*(?:[:!][^{}]*)?\}"
)
TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)")


def _placeholders(text: str) -> list[str]:
    """Named placeholders once each (one may repeat), positional ones as often as they occur."""
    tokens = [token for token in PLACEHOLDER.findall(text) if token != "%%"]
    named = {token for token in tokens if _is_named(token)}
    return sorted([*named, *(token for token in tokens if not _is_named(token))])


def _is_named(token: str) -> bool:
    return token.startswith("%(") or (token.startswith("{") and token[1:2] not in ("}", ":", "!"))


def _tags(text: str) -> list[str]:
    return sorted(TAG.findall(text))


def _mismatch(message: Message) -> str | None:
    """Why a translated message would break a page, else None."""
    sources = [message.msgid, message.msgid_plural or message.msgid]
    for index, translated in enumerate(message.msgstrs):
        if message.msgid_plural is None:
            if _placeholders(translated) != _placeholders(message.msgid):
                return f"placeholders {_placeholders(translated)} in {translated!r}"
            if _tags(translated) != _tags(message.msgid):
                return f"tags {_tags(translated)} in {translated!r}"
            continue
        # A plural form may leave out a named count ("one file"), never add or misspell one.
        allowed = set(_placeholders(sources[0])) | set(_placeholders(sources[1]))
        positional = [p for p in _placeholders(sources[1]) if not _is_named(p)]
        found = _placeholders(translated)
        if not set(found) <= allowed or [p for p in found if not _is_named(p)] != positional:
            return f"placeholders {found} in form {index}: {translated!r}"
    return None


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders_and_tags_of_the_english(catalogues, language):
    problems = [
        f"{key[1]!r}: {reason}"
        for key, message in catalogues.committed[language].items()
        if message.is_translated and (reason := _mismatch(message))
    ]
    assert not problems, f"{language}: " + _listed(problems)


def test_a_broken_placeholder_is_caught():
    broken = Message(msgid="Hello %(name)s", msgstrs=["Zdravo %(ime)s"])
    plural = Message(
        msgid="%(count)d person", msgid_plural="%(count)d people", msgstrs=["jedna", "%(n)d"]
    )
    dropped = Message(msgid="%s of %s", msgstrs=["%s"])
    kept = Message(msgid="<strong>%s</strong> left", msgstrs=["preostalo: <strong>%s</strong>"])
    repeated_once = Message(msgid="%(limit)s, at most %(limit)s", msgstrs=["najviše %(limit)s"])
    assert _mismatch(broken) is not None
    assert _mismatch(plural) is not None
    assert _mismatch(dropped) is not None
    assert _mismatch(kept) is None
    assert _mismatch(repeated_once) is None


# The portal languages people from each country of return read (beside English).
READ_IN = {
    "AFG": {"fa", "ps"},  # Dari and Pashto
    "DZA": {"ar", "fr"},
    "BGD": {"bn"},
    "IRN": {"fa"},
    "IRQ": {"ar"},
    "MAR": {"ar", "fr"},
    "PAK": {"ur", "ps"},  # Urdu, and Pashto for people from Khyber Pakhtunkhwa
    "TUN": {"ar", "fr"},
}


def test_each_country_page_is_written_in_the_languages_people_from_there_read():
    countries = [entry for entry in PAGES if entry.kind == "country"]
    assert {entry.country for entry in countries} == set(READ_IN)
    missing = [
        f"{language}/{entry.slug}.md"
        for entry in countries
        for language in sorted({"en", *READ_IN[entry.country]})
        if not (CONTENT_DIR / language / f"{entry.slug}.md").is_file()
    ]
    assert not missing, f"country pages to write: {missing}"
