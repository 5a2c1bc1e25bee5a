"""Browser-journey helpers: the server process's database and port, axe-core's findings, an
admin login."""

from __future__ import annotations

import re
import socket

from django.db import connection


def database_url() -> str:
    """The URL of the test database this run built, for the server process."""
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def free_port() -> int:
    """A TCP port free on 127.0.0.1 for the test server."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serious_violations(page) -> list[str]:
    """axe-core's serious and critical findings on the current page, as readable lines."""
    # Only browser runs need axe (and Playwright): importing it here keeps the rest of the
    # suite collectable without them.
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def admin_log_in(browser, server_url: str, email: str):
    """A new browser context logged into the Wagtail admin as a demo account."""
    context = browser.new_context(locale="pl-PL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server_url + "/admin/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", "demo-es-2026")
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/admin/$"))
    return context, page
