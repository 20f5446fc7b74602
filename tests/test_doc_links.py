"""Every relative link in the README, ARCHITECTURE.md and docs/ points to a file we ship.

The rules live in the repository (docs/house-style.md, docs/domain.md); a link that
leaves it, or names a file that moved, fails here instead of on a reader.
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = [
    ROOT / "README.md",
    ROOT / "ARCHITECTURE.md",
    ROOT / "CHANGELOG.md",
    *sorted((ROOT / "docs").glob("*.md")),
]
# [text](target) and [text](target "title"); images too. Code spans are removed first.
LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
CODE = re.compile(r"```.*?```|`[^`\n]*`", re.DOTALL)


def relative_links(path: Path) -> list[str]:
    text = CODE.sub("", path.read_text(encoding="utf-8"))
    return [
        target
        for target in LINK.findall(text)
        if not re.match(r"^[a-z][a-z0-9+.-]*:", target) and not target.startswith("#")
    ]


def test_the_link_reader_finds_links():
    readme_links = relative_links(ROOT / "README.md")
    assert "ARCHITECTURE.md" in readme_links
    assert "docs/house-style.md" in readme_links


def test_the_rules_live_in_the_repository():
    for name in ["house-style.md", "domain.md"]:
        assert (ROOT / "docs" / name).is_file()
    for path in DOCUMENTS:
        assert "../shared/" not in path.read_text(encoding="utf-8"), path.name


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_relative_links_resolve(path):
    broken = []
    for target in relative_links(path):
        file = target.split("#", 1)[0]
        resolved = (path.parent / file).resolve()
        if not resolved.exists() or ROOT not in [resolved, *resolved.parents]:
            broken.append(target)
    assert broken == []
