"""A stored message handed back to a Django e-mail backend exactly as it was first rendered."""

from __future__ import annotations

import email
import email.policy
from email.message import Message

from django.core.mail import EmailMessage

from .models import OutgoingEmail


class _RawMime:
    """What backends call on `EmailMessage.message()`: the stored bytes, untouched."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def as_bytes(self, unixfrom: bool = False, linesep: str = "\n") -> bytes:
        return self.data if linesep == "\r\n" else self.data.replace(b"\r\n", linesep.encode())

    def as_string(self, unixfrom: bool = False, linesep: str = "\n") -> str:
        return self.as_bytes(linesep=linesep).decode("utf-8", "replace")

    def get_charset(self) -> None:
        return None


class StoredMessage(EmailMessage):
    """The outbox row as an `EmailMessage`: the SMTP backend sends its bytes; the body and
    attachments are parsed back for the in-memory backend (tests) and the console."""

    def __init__(self, outgoing: OutgoingEmail) -> None:
        raw = bytes(outgoing.message)
        parsed: Message = email.message_from_bytes(raw, policy=email.policy.default)
        body_part = parsed.get_body(preferencelist=("plain", "html"))
        super().__init__(
            subject=outgoing.subject,
            body=body_part.get_content() if body_part is not None else "",
            from_email=outgoing.from_email,
            to=list(outgoing.recipients),
        )
        self.attachments = [
            (part.get_filename(), part.get_content(), part.get_content_type())
            for part in parsed.iter_attachments()
            if part.get_filename()
        ]
        self.extra_headers = {"Message-ID": outgoing.message_id} if outgoing.message_id else {}
        self._raw = _RawMime(raw)

    def message(self) -> _RawMime:  # type: ignore[override]
        return self._raw
