"""A saved web page as the article: `qabot ingest PAGE.html` finds the story among the page's
menus and sidebars, and answers quote it as the page shows it (../shared/articles/html, beside
the clone: pages as fetched, with the published text of each story beside them)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from conftest import REPO, Run, answers_of, json_lines

ARTICLES = REPO.parent / "shared" / "articles"


def saved_page(folder: Path, name: str) -> Path:
    """The page as a browser saves it (`NAME.html`), from the data set's compressed copy."""
    packed = ARTICLES / "html" / f"{name}.html.gz"
    if not packed.is_file():
        pytest.fail(f"the saved pages are missing from {packed.parent}")
    page = folder / f"{name}.html"
    page.write_bytes(gzip.decompress(packed.read_bytes()))
    return page


def published(name: str) -> str:
    """The story's published text, spaces collapsed: what a quote of it must be part of."""
    return " ".join((ARTICLES / f"{name}.txt").read_text(encoding="utf-8").split())


def test_a_saved_page_is_answered_from_its_story_alone(tmp_path: Path, empty_qabot: Run) -> None:
    page = saved_page(tmp_path, "nasa-clps")
    ingest = empty_qabot("ingest", str(page))
    assert ingest.returncode == 0, ingest.stderr

    result = empty_qabot(
        "repl",
        "--json",
        stdin="Who wrote this?\n"
        "How many companies are now eligible to bid on task orders?\n"
        # the page's sidebar lists this conference; the story never mentions it
        "When is the APSCC Satellite Conference?\n",
    )
    assert result.returncode == 0, result.stderr
    author, count, sidebar = answers_of(result.stdout)

    [byline] = author["citations"]
    assert "Jeff Foust" in byline["quote"] and byline["paragraph"] == 1
    assert count["answer"].startswith("14 companies")
    story = published("nasa-clps")
    for citation in count["citations"]:
        assert citation["source"] == str(page)
        assert " ".join(citation["quote"].split()) in story
    assert sidebar["abstained"] and sidebar["citations"] == []


def test_a_page_headline_is_the_one_it_shows(tmp_path: Path, empty_qabot: Run) -> None:
    # The page's <title> adds the site's name; the story's headline is without it.
    page = saved_page(tmp_path, "nasa-clps")
    assert empty_qabot("ingest", str(page)).returncode == 0

    result = empty_qabot("repl", "--json", stdin="What is this story about?\n/articles\n")
    assert result.returncode == 0, result.stderr
    summary, listing = json_lines(result.stdout)
    headline = summary["citations"][0]
    assert headline["quote"] == "NASA adds five companies to commercial lunar lander program"
    assert headline["paragraph"] == 0
    [article] = listing["articles"]
    assert (article["title"], article["file"]) == (headline["quote"], "nasa-clps.html")


def test_a_page_without_a_story_is_passed_over_in_one_line(
    tmp_path: Path, empty_qabot: Run
) -> None:
    binary = tmp_path / "download.html"
    binary.write_bytes(bytes(range(256)) * 8)
    empty = tmp_path / "blank.htm"
    empty.write_bytes(b"")

    result = empty_qabot("ingest", str(binary), str(empty))

    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        f"qabot: skipped {binary}: no words to answer from",
        f"qabot: skipped {empty}: no words to answer from",
    ]


def test_a_page_saved_complete_is_read_without_its_files_folder(
    tmp_path: Path, empty_qabot: Run
) -> None:
    # A browser's "Web page, complete": Story.html and Story_files/ with its frames and scripts.
    folder = tmp_path / "saved"
    assets = folder / "Story_files"
    assets.mkdir(parents=True)
    saved_page(tmp_path, "nasa-clps").rename(folder / "Story.html")
    frame = "<p>" + "A sponsored frame about a holiday sale on garden furniture. " * 4 + "</p>"
    (assets / "frame.html").write_text(f"<html><body>{frame}</body></html>", encoding="utf-8")

    result = empty_qabot("ingest", str(folder))

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("1 file(s):"), result.stdout
    assert f"qabot: skipped {assets}: the files of the saved page {folder / 'Story.html'}" in (
        result.stderr.splitlines()
    )
