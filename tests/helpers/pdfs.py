"""PDF documents made on the spot with pypdf: a plain one and each kind an upload must refuse."""

from __future__ import annotations

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject


def _bytes(writer: PdfWriter) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _one_page() -> PdfWriter:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    return writer


def _action(kind: str, **entries: object) -> DictionaryObject:
    action = DictionaryObject({NameObject("/Type"): NameObject("/Action")})
    action[NameObject("/S")] = NameObject(kind)
    for key, value in entries.items():
        action[NameObject(f"/{key}")] = value
    return action


def plain_pdf() -> bytes:
    """One blank A4 page: what every PDF check accepts."""
    return _bytes(_one_page())


PLAIN_PDF = plain_pdf()


def letter(content: bytes = PLAIN_PDF, name: str = "list.pdf") -> SimpleUploadedFile:
    """An uploaded PDF (a recommendation letter, an attachment): a real one-page document unless
    told, since uploads are parsed, not judged by their first bytes."""
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def javascript_on_open() -> bytes:
    writer = _one_page()
    script = writer._add_object(_action("/JavaScript", JS=TextStringObject("app.alert(1)")))
    writer._root_object[NameObject("/OpenAction")] = script
    return _bytes(writer)


def javascript_in_names() -> bytes:
    """A document-level script in the /Names tree (what Acrobat runs when the file opens)."""
    writer = _one_page()
    script = writer._add_object(_action("/JavaScript", JS=TextStringObject("app.alert(1)")))
    tree = writer._add_object(
        DictionaryObject({NameObject("/Names"): ArrayObject([TextStringObject("x"), script])})
    )
    writer._root_object[NameObject("/Names")] = DictionaryObject({NameObject("/JavaScript"): tree})
    return _bytes(writer)


def additional_actions() -> bytes:
    """A page /AA: an action that fires when the page opens."""
    writer = _one_page()
    writer.pages[0][NameObject("/AA")] = DictionaryObject(
        {NameObject("/O"): _action("/URI", URI=TextStringObject("http://evil.example/"))}
    )
    return _bytes(writer)


def embedded_file() -> bytes:
    writer = _one_page()
    writer.add_attachment("program.exe", b"MZ\x90\x00")
    return _bytes(writer)


def launch_action() -> bytes:
    writer = _one_page()
    writer._root_object[NameObject("/OpenAction")] = _action(
        "/Launch", F=TextStringObject("calc.exe")
    )
    return _bytes(writer)


def encrypted_pdf() -> bytes:
    writer = _one_page()
    writer.encrypt(user_password="", owner_password="wlasciciel")
    return _bytes(writer)


def no_pages() -> bytes:
    return _bytes(PdfWriter())


def polyglot() -> bytes:
    """A real PDF with an HTML page after its %%EOF: a browser or an unzip tool reads the tail."""
    return PLAIN_PDF + b"\n<html><script>alert(document.cookie)</script></html>\n"


def broken_pdf() -> bytes:
    """Starts and ends like a PDF, holds nothing a reader can parse."""
    return b"%PDF-1.7\n" + b"to nie jest dokument " * 20 + b"\n%%EOF\n"
