"""Dependencies run one way: core < org < documents < domain apps < stats, showcase, review < api, demo."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RANK = {"core": 0, "formats": 0, "org": 1, "documents": 2, "practices": 3, "awards": 3, "emulation": 3,
        "planning": 3, "opinion": 3, "membership": 3, "cooperation": 3, "democracy": 3, "events": 3,
        "stats": 4, "showcase": 4, "review": 4, "api": 5, "demo": 5}  # fmt: skip
# Known exception: scoping reads role assignments and units (function-level imports); the test kit builds a cast.
ALLOWED = {("core/scoping.py", "org")}


def imported_apps(path: Path) -> set[str]:
    apps = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        apps |= {name.split(".")[1] for name in names if name.startswith("danvan.") and name.count(".") >= 1}
    return apps


@pytest.mark.parametrize("app", sorted(RANK))
def test_no_app_imports_a_higher_one(app):
    wrong = [
        f"{path.relative_to(ROOT)} imports danvan.{other}"
        for path in (ROOT / app).rglob("*.py")
        if not {"tests", "testing", "migrations"} & set(path.parts)
        for other in imported_apps(path)
        if RANK.get(other, -1) > RANK[app] and (str(path.relative_to(ROOT)), other) not in ALLOWED
    ]
    assert not wrong, "\n".join(wrong)
