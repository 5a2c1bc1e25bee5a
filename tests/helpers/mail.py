"""A real SMTP server for the mail tests (aiosmtpd), and a delivery backend that can hang."""

from __future__ import annotations

import os
import time
from pathlib import Path

from aiosmtpd.controller import Controller
from django.core.mail.backends.smtp import EmailBackend as SmtpBackend

from tests.helpers.browser import free_port


class Recorder:
    """Keeps every message the server accepted (envelope recipients and raw bytes)."""

    def __init__(self) -> None:
        self.messages: list[tuple[list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope) -> str:
        self.messages.append((list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted"


class SmtpServer:
    """Started on a free port, stopped and started again on the same port (a mail server that
    goes away and comes back)."""

    def __init__(self) -> None:
        self.port = free_port()
        self.recorder = Recorder()
        self.controller: Controller | None = None

    def start(self) -> None:
        self.controller = Controller(self.recorder, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    @property
    def messages(self) -> list[tuple[list[str], bytes]]:
        return self.recorder.messages


class HangOnceBackend(SmtpBackend):
    """Sends through SMTP, except while the file named by HANG_FILE exists: then it writes
    `<HANG_FILE>.started` and waits, as a worker stuck mid-task does until it is killed."""

    def send_messages(self, email_messages):
        hang = os.environ.get("HANG_FILE")
        if hang and Path(hang).exists():
            Path(hang + ".started").touch()
            while Path(hang).exists():
                time.sleep(0.1)
        return super().send_messages(email_messages)
