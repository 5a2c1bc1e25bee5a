"""The CSV of the whole public database."""

from __future__ import annotations

import csv
import io

from marketplace.directory.filters import listed_partners


def _rows(response) -> list[list[str]]:
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content)))


def test_whole_database_as_csv(client, world):
    response = client.get("/en/baza-pes/eksport.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    header, *body = _rows(response)
    assert header[:3] == ["Name", "Profile", "Legal form"]
    assert len(body) == listed_partners().count()
    names = {row[0] for row in body}
    assert world.a.name in names and world.hidden.name not in names


def test_csv_follows_the_filters(client, world):
    response = client.get("/baza-pes/eksport.csv?powiat=dir-p1&powiat=dir-p2&certified=1")
    _header, *body = _rows(response)
    assert [row[0] for row in body] == [world.a.name]
    assert body[0][6:9] == ["6570001125", "123456785", "0000123456"]
