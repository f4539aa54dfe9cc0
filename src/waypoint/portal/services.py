"""Writes of portal content: staff edits (each a new version, audited) and the seed loader."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import Max

from waypoint.audit.models import Action
from waypoint.audit.services import audit_record
from waypoint.portal import access
from waypoint.portal.access import Work
from waypoint.portal.catalogue import CONTENT_DIR, PAGES, PORTAL_LANGUAGES
from waypoint.portal.models import Page, PageVersion


class ContentFileError(ValueError):
    pass


@transaction.atomic
def page_version_save(
    *, actor: Any, page: Page, language: str, title: str, body: str, publish: bool
) -> PageVersion:
    """Add the next version of ``page`` in ``language``; earlier versions stay as they were."""
    access.require(actor, Work.EDIT_CONTENT)
    if language not in PORTAL_LANGUAGES:
        raise ValueError(f"not a portal language: {language}")
    latest = page.versions.filter(language=language).aggregate(top=Max("number"))["top"] or 0
    version = PageVersion.objects.create(
        page=page,
        language=language,
        number=latest + 1,
        title=title,
        body=body,
        is_published=publish,
        edited_by=actor,
    )
    audit_record(
        actor=actor,
        action=Action.CREATE,
        target=version,
        purpose="portal content",
        changed_fields=["title", "body", *(["is_published"] if publish else [])],
    )
    return version


@transaction.atomic
def page_version_publish(*, actor: Any, version: PageVersion) -> PageVersion:
    """Publish a draft: it becomes what visitors see unless a later version is published."""
    access.require(actor, Work.EDIT_CONTENT)
    if not version.is_published:
        version.is_published = True
        version.save(update_fields=["is_published"])
        audit_record(
            actor=actor,
            action=Action.UPDATE,
            target=version,
            purpose="portal content",
            changed_fields=["is_published"],
        )
    return version


@dataclass
class LoadReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    kept_staff_edits: list[str] = field(default_factory=list)

    def summary(self) -> str:
        lines = [
            f"portal content: {self.created} created, {self.updated} updated, "
            f"{self.unchanged} unchanged, {len(self.kept_staff_edits)} kept as edited by staff"
        ]
        lines += [f"  kept: {name}" for name in self.kept_staff_edits]
        return "\n".join(lines)


def read_content_file(path: Path) -> tuple[str, str]:
    """(title, body) of a seed file: the first line is ``# Title``, the rest is the body."""
    text = path.read_text(encoding="utf-8").strip()
    first, _newline, rest = text.partition("\n")
    if not first.startswith("# ") or not first[2:].strip():
        raise ContentFileError(f"{path}: the first line must be '# ' and the page title")
    return first[2:].strip(), rest.strip()


def portal_content_load(
    *,
    content_dir: Path = CONTENT_DIR,
    page_model: Any = Page,
    version_model: Any = PageVersion,
) -> LoadReport:
    """Create the catalogue's pages and their seed versions; safe to repeat.

    A language's text is added as version 1 when missing, and as a new published version
    when the seed file changed and the newest version is still the loader's own; a version
    written by staff is never replaced. ``page_model``/``version_model`` let a data
    migration pass its historical models.
    """
    report = LoadReport()
    with transaction.atomic():
        for entry in PAGES:
            page, _created = page_model.objects.update_or_create(
                slug=entry.slug,
                defaults={"kind": entry.kind, "order": entry.order, "country": entry.country},
            )
            for language in PORTAL_LANGUAGES:
                path = content_dir / language / f"{entry.slug}.md"
                if not path.exists():
                    continue
                title, body = read_content_file(path)
                latest = (
                    version_model.objects.filter(page=page, language=language)
                    .order_by("-number")
                    .first()
                )
                if latest is not None and (latest.title, latest.body) == (title, body):
                    report.unchanged += 1
                    continue
                if latest is not None and latest.edited_by_id is not None:
                    report.kept_staff_edits.append(f"{entry.slug} [{language}]")
                    continue
                version_model.objects.create(
                    page=page,
                    language=language,
                    number=(latest.number + 1) if latest else 1,
                    title=title,
                    body=body,
                    is_published=True,
                )
                if latest is None:
                    report.created += 1
                else:
                    report.updated += 1
    return report
