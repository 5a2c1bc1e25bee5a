"""Page and document helpers shared by the demo loaders: find or add a page, publish it,
translate it page by page, and make a Wagtail document."""

from __future__ import annotations

from typing import Any

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page


def child_page(parent: Page, model: type[Page], slug: str, title: str, **fields: Any) -> Page:
    """The child page with this slug, made (with these fields) if missing."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, title=title, **fields)
        parent.add_child(instance=page)
    return page


def publish(page: Page, fields: dict[str, Any]) -> None:
    """Set the fields and publish a new revision (also of fields set on the page before)."""
    for name, value in fields.items():
        setattr(page, name, value)
    page.draft_title = page.title
    page.save_revision().publish()


def _same(page: Page, name: str, value: object) -> bool:
    current = getattr(page, name)
    if name == "body":  # a StreamValue against the [(block type, HTML)] given here
        return [(block.block_type, block.value.source) for block in current] == value
    return current == value


def publish_changes(page: Page, fields: dict[str, Any]) -> None:
    """Publish the fields, unless the live page has them already (the test suite reloads the
    demo at every session start: unchanged pages then cost a query, not a revision)."""
    if (
        page.live
        and not page.has_unpublished_changes
        and all(_same(page, name, value) for name, value in fields.items())
    ):
        return
    publish(page, fields)


def translation(
    page: Page, locale: Locale, slug: str, fields: dict[str, Any], *, only_changes: bool = False
) -> Page:
    """The page's translation into `locale`, made page by page (never a whole subtree:
    wagtail-localize #773), published with `fields` (only if they changed, if asked)."""
    translated = page.get_translation_or_none(locale)
    if translated is None:
        translated = page.copy_for_translation(locale)
    translated = translated.specific
    (publish_changes if only_changes else publish)(translated, {**fields, "slug": slug})
    return translated


def minimal_pdf(title: str) -> bytes:
    """A one-page PDF naming the document, so the demo needs no PDF library or download."""
    text = title.encode("latin-1", "replace").replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 14 Tf 72 760 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out


def document(title: str) -> Any:
    """A Wagtail document, made once."""
    model = get_document_model()
    existing = model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    doc = model(title=title)
    doc.file.save(
        f"{title[:40]}.pdf".replace(" ", "-").replace("/", "-"),
        ContentFile(minimal_pdf(title)),
        save=False,
    )
    doc.save()
    return doc
