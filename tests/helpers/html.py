"""The W3C Nu HTML checker (npm vnu-jar, run offline with Java) over rendered pages."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def nu_errors(pages: dict[str, bytes], tmp_path: Path) -> list[str]:
    """The Nu checker's errors for each page, as "path:line: message"."""
    paths, files = list(pages), []
    for number, content in enumerate(pages.values()):
        file = tmp_path / f"page{number}.html"
        file.write_bytes(content)
        files.append(file)
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--errors-only", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [
        f"{paths[files.index(Path(m['url'].removeprefix('file:')))]}:{m.get('lastLine')}: "
        f"{m['message']}"
        for m in messages
    ]
