"""The repository explains itself: every file the documents link to and every repository path a
comment names exists, and nothing points at notes outside the checkout."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DOCS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md")), REPO / "bench" / "README.md"]
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")
# A path into the repository as comments write it: a top folder, then a file with an extension.
NAMED_PATH = re.compile(
    r"(?<![\w./-])((?:desktop_publisher|tests|docs|scripts|bench|resources|\.ci)/[\w./-]*\.\w+)"
)
OUTSIDE = re.compile(r"design\.md|platform-apis\.md|testing\.md|\.\./shared", re.I)


def _links(doc: Path) -> list[str]:
    return [m for m in LINK.findall(doc.read_text(encoding="utf-8")) if "://" not in m]


def broken_links(docs: list[Path]) -> list[str]:
    broken = []
    for doc in docs:
        for target in _links(doc):
            if not (doc.parent / target).exists():
                broken.append(f"{doc.relative_to(REPO)}: {target}")
    return broken


def missing_named_paths(files: list[Path], root: Path, comments_only: bool = False) -> list[str]:
    """Paths named in `files` that do not exist under `root` (in `comments_only` mode, only
    what follows a `#`: tests build made-up paths in their strings)."""
    missing = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        for number, line in enumerate(text.splitlines(), 1):
            if comments_only:
                line = line.partition("#")[2]
            for named in NAMED_PATH.findall(line):
                named = named.rstrip(".")
                # Wildcards, and the recipe's placeholder platform "example".
                if "*" in named or "<" in named or "example" in named:
                    continue
                if not (root / named).exists():
                    missing.append(f"{path.relative_to(root)}:{number}: {named}")
            if OUTSIDE.search(line):
                missing.append(f"{path.relative_to(root)}:{number}: points outside: {line.strip()}")
    return missing


def _sources() -> list[Path]:
    return sorted((REPO / "desktop_publisher").rglob("*.py"))


def _tests() -> list[Path]:
    return sorted(p for p in (REPO / "tests").rglob("*.py") if p != Path(__file__).resolve())


def test_the_documents_links_lead_somewhere() -> None:
    assert broken_links(DOCS) == []


def test_comments_name_only_files_that_exist() -> None:
    assert missing_named_paths([*_sources(), *DOCS], REPO) == []
    assert missing_named_paths(_tests(), REPO, comments_only=True) == []


def test_a_wrong_path_is_found(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "real.md").write_text("x", encoding="utf-8")
    module = tmp_path / "module.py"
    module.write_text(
        "# see docs/real.md and docs/gone.md\n# as design.md says\n", encoding="utf-8"
    )
    assert missing_named_paths([module], tmp_path) == [
        "module.py:1: docs/gone.md",
        "module.py:2: points outside: # as design.md says",
    ]
