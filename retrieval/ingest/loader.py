"""Load an article from disk, strip page furniture, and keep its paragraphs with their offsets."""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from retrieval.constants import (
    AUTHOR_SECTION,
    BUNDLED_CORPUS_DIR,
    BUNDLED_SOURCE_PREFIX,
    HEADLINE_SECTION,
)
from retrieval.errors import SourceUnreadable
from retrieval.language.lexicon import FURNITURE_LINES

if TYPE_CHECKING:
    from lxml.html import HtmlElement
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

# A saved web page's article is found by trafilatura (its main text, title and author), the rest
# of the page (menus, links, comments, tables, scripts) left out.
HTML_SUFFIXES = (".html", ".htm")
SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", *HTML_SUFFIXES)
# A page's title often ends with the site's name ("... lander program - SpaceNews.com"): the
# headline is what stands before it.
TITLE_SITE_SEPARATORS = (" - ", " | ", " — ", " – ", " :: ")

# A teaser cut short by the page ("... world ... Read more"): drop the tail, keep the words.
TEASER_TAIL = re.compile(r"\s*(?:\.\.\.|…)\s*Read more\s*$", re.IGNORECASE)
# Section headings that mark what follows as the byline / author note.
AUTHOR_HEADINGS = re.compile(r"^(?:about the (?:writer|author|reporter)s?|author|byline)$", re.I)
# A short line without closing punctuation reads as a heading ("About the writer").
HEADING_MAX_CHARS = 60
# A longer line is a heading when every word of four letters or more is capitalised, four such
# words at least: a linked headline, not a sentence, which has lowercase words of that length.
TITLE_WORD = re.compile(r"[^\W_][\w’'-]*")
TITLE_CASE_MIN_LETTERS = 4
TITLE_CASE_MIN_WORDS = 4
SENTENCE_END = re.compile(r"[.!?:;\"'”’)]\s*$")
# A headline: the first line, one of about 15 words or fewer that does not end a sentence
# ("Cannabis Use Disorder is Rising in U.S. States Where Weed is Legal"); 20 leaves room.
HEADLINE_MAX_WORDS = 20
HEADLINE_END = re.compile(r"[.!?;:]\s*$")
# A byline sits right under the headline: "By Jane Doe", "by Jeff Foust — November 18, 2019",
# "Tom Davies, Associated Press", "Greg Beacham, Ap Sports Writer": a short line, no full stop,
# "by" and a name, or a name and then a comma, a dash or a bar before an outlet or a date.
BYLINE_MAX_WORDS = 12
BYLINE_LOOKAHEAD = 2
BYLINE = re.compile(
    r"^by\s+[A-Z]"
    r"|^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}\s*(?:,|—|–|-|\|)\s*\S",
    re.IGNORECASE,
)
# A wire story credits its writers in its last lines: "(Reporting by Will Dunham; Editing by Tom
# Brown)", "Additional reporting by Jane Doe in Kabul".
CREDIT = re.compile(
    r"^\(?(?:additional\s+)?(?:reporting|reported|writing|written|compiled)\s+by\s+[A-Z]",
    re.IGNORECASE,
)
CREDIT_LOOKBEHIND = 3
BYLINE_NAME = re.compile(r"^(?:by\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}")

# Markdown is read by markdown-it-py's CommonMark parser, with GitHub's tables so that their rows
# are recognised (and skipped) rather than read as paragraphs of pipes.
MARKDOWN_EXTENSIONS = ("table", "strikethrough")
# YAML front matter (a first line `---`, `key: value` lines, a closing `---`), as static site
# generators and note apps write it, is metadata: read by mdit-py-plugins, never as prose. Of its
# keys, these give the title and the author (Jekyll, Hugo and Pandoc spell them so); the author
# is kept as written, so that a quote of it is still the file's own words.
FRONT_MATTER_TITLE_KEYS = ("title",)
FRONT_MATTER_AUTHOR_KEYS = ("author", "byline")
# Containers whose paragraphs are read as prose but are never headings, however short.
MARKDOWN_NEVER_HEADINGS = frozenset({"list_item", "blockquote"})
# Inline HTML elements whose content is code or styling, not text ("<script>alert(1)</script>").
MARKDOWN_SKIPPED_INLINE = re.compile(r"^<(script|style)\b", re.IGNORECASE)
MARKDOWN_SPACES = re.compile(r" {2,}")
# A page's element this short may be a byline ("By SAM REED, Associated Press").
SHOWN_LINE_MAX_CHARS = 120
# A page's line of rules or dashes ("___") holds no words: not a paragraph.
WORD_CHARACTER = re.compile(r"[^\W_]")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of the cleaned article; `start`/`end` index `Article.text`."""

    number: int
    start: int
    end: int
    is_heading: bool
    section: str
    # The article's whole text, shared by its paragraphs: each cuts its own from it when asked,
    # so a large file's text is held once rather than again paragraph by paragraph.
    article_text: str = field(repr=False, compare=False)

    @property
    def text(self) -> str:
        return self.article_text[self.start : self.end]


@dataclass(frozen=True)
class Article:
    """A cleaned article: the text we quote from, split into numbered paragraphs."""

    source: str
    title: str
    text: str
    paragraphs: tuple[Paragraph, ...]


def source_id(path: Path) -> str:
    """A stable name for a file: bundled articles by name, the user's by absolute path."""
    resolved = path.resolve()
    if resolved.parent == BUNDLED_CORPUS_DIR.resolve():
        return BUNDLED_SOURCE_PREFIX + resolved.name
    return str(resolved)


def load_article(path: Path) -> Article:
    """Read one `.txt`, `.md` or saved web page (`.html`) into a cleaned `Article`."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise SourceUnreadable(
            f"{path}: only {', '.join(SUPPORTED_SUFFIXES)} files can be ingested"
        )
    try:
        if suffix in HTML_SUFFIXES:
            # Bytes: the page says its own encoding (a meta charset), which trafilatura reads.
            return _page_article(path, path.read_bytes())
        # utf-8-sig: a byte order mark (Windows editors write one) is not the article's text.
        raw = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise SourceUnreadable(f"{path}: no such file") from None
    except IsADirectoryError:
        raise SourceUnreadable(f"{path}: is a directory") from None
    except UnicodeDecodeError:
        raise SourceUnreadable(f"{path}: not UTF-8 text") from None
    except OSError as error:
        raise SourceUnreadable(f"{path}: cannot be read ({error.strerror})") from None
    is_markdown = path.suffix.lower() != ".txt"
    front_matter: dict[str, str] = {}
    if is_markdown:
        blocks, front_matter = _markdown_blocks(raw)
    else:
        blocks = _blocks(raw)
    if blocks and not blocks[0][1] and is_headline(blocks[0][0]):
        blocks[0] = (blocks[0][0], True)
    title = _title(path, blocks, front_matter.get("title"))
    headline = bool(blocks) and blocks[0][0] == title and blocks[0][1]
    if headline:
        blocks = blocks[1:]  # the title heading is the article's paragraph 0, not paragraph 1
    byline = _byline_at(blocks)
    author = front_matter.get("author")
    if byline is None and author:
        # Where a byline would stand, so that "Who wrote this?" finds it as it finds a byline.
        blocks.insert(0, (author, False))
        byline = 0
    return _assemble(source_id(path), title, blocks, byline, headline)


def _page_article(path: Path, page: bytes) -> Article:
    """A saved web page's article: the paragraphs of its main text (trafilatura, favouring
    precision: menus, links, comments and tables left out), its headline and its byline. A page
    without article text gives an article without paragraphs, passed over as a file without
    words."""
    import trafilatura

    # A page it cannot parse (binary, empty) is passed over as a file without words; its own
    # ERROR lines on stderr would only repeat that less clearly.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    found = trafilatura.bare_extraction(
        page,
        favor_precision=True,
        include_comments=False,
        include_tables=False,
        with_metadata=True,
    )
    text = (found.text or "") if found is not None else ""
    blocks = [
        (line, _is_heading_line(line))
        for line in (" ".join(raw_line.split()) for raw_line in text.split("\n"))
        if WORD_CHARACTER.search(line) and not any(p.match(line) for p in FURNITURE_LINES)
    ]
    shown = _ShownPage.read(page)
    title = shown.headline(found.title if found else None, found.sitename if found else None)
    headline = title is not None
    if title is None:
        title = _title(path, [], None)
    elif blocks and blocks[0][0].casefold() == title.casefold():
        blocks = blocks[1:]  # the page repeats its headline above the story
    byline = _byline_at(blocks)
    author = shown.byline((found.author or "") if found is not None else "")
    if byline is None and author and blocks:
        blocks.insert(0, (author, False))
        byline = 0
    return _assemble(source_id(path), title, blocks, byline, headline)


@dataclass(frozen=True)
class _ShownPage:
    """What a page shows, for quoting its headline and byline as shown: the extractor's metadata
    may come from a tag's attribute, or be recased ("Greg Beacham; Ap Sports Writer")."""

    text: str  # all its shown text, spaces collapsed
    headings: tuple[str, ...]  # its first-level headings, then its title
    lines: tuple[str, ...]  # the text of each of its short elements, spaces collapsed

    @classmethod
    def read(cls, page: bytes) -> _ShownPage:
        root = _shown_tree(page)
        if root is None:
            return cls("", (), ())
        headings = tuple(e.text_content() for e in root.xpath("//h1|//title"))
        lines = (" ".join(e.text_content().split()) for e in root.iter() if isinstance(e.tag, str))
        short = tuple(line for line in lines if 0 < len(line) <= SHOWN_LINE_MAX_CHARS)
        return cls(" ".join(root.text_content().split()), headings, short)

    def headline(self, title: str | None, site: str | None) -> str | None:
        """The extractor's title as shown, else the first heading shown; less a site name
        after it ("... lander program - SpaceNews.com")."""
        for candidate in (title, *self.headings):
            spelled = self.spelling(_page_title(candidate, site))
            if spelled:
                return spelled
        return None

    def byline(self, authors: str) -> str | None:
        """The shortest line the page credits an author in ("By SAM REED, Associated Press"),
        else the first author's name as shown; None when the page shows none of them."""
        for author in authors.split(";"):
            name = self.spelling(author)
            if name is None:
                continue
            named = name.casefold()
            credits = [line for line in self.lines if named in line.casefold() and is_byline(line)]
            # The innermost: "By Megan Rowe", not the box that adds her e-mail and phone.
            credit = min(credits, key=len, default=name)
            # A title in the next element, shown glued to the name ("By Meg JamesStaff
            # Writer"): the credit ends with the name.
            end = credit.casefold().index(named) + len(named)
            return credit[:end] if credit[end : end + 1].isalnum() else credit
        return None

    def spelling(self, text: str | None) -> str | None:
        """`text` as the page shows it (case and spacing aside: "GREG BEACHAM"), or None."""
        words = (text or "").split()
        if not words:
            return None
        found = re.search(r"\s+".join(map(re.escape, words)), self.text, re.IGNORECASE)
        return found.group() if found else None


def _shown_tree(page: bytes) -> HtmlElement | None:
    """The page's tree, decoded as it says (or as its bytes read best), without the elements
    that show nothing (scripts, styles)."""
    from trafilatura import load_html

    root = load_html(page)
    if root is None:
        return None
    for hidden in root.xpath("//script|//style|//noscript|//template"):
        hidden.drop_tree()
    return root


def page_text(page: bytes) -> str:
    """All the text a web page shows, whatever the extractor kept: what a quote of a page is
    checked against."""
    root = _shown_tree(page)
    return "" if root is None else root.text_content()


def _page_title(title: str | None, site: str | None) -> str | None:
    """A page's headline: its title, less a site name after a separator ("... program -
    SpaceNews.com")."""
    title = " ".join((title or "").split())
    if not title:
        return None
    site = " ".join((site or "").split()).lower()
    for separator in TITLE_SITE_SEPARATORS:
        head, found, tail = title.rpartition(separator)
        if found and head and site and (tail.lower() in site or site in tail.lower()):
            return head.strip()
    return title


def _blocks(raw: str) -> list[tuple[str, bool]]:
    """Paragraph texts of plain text with a heading flag, furniture removed."""
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    wrapped = _looks_hard_wrapped(lines)
    blocks: list[tuple[str, bool]] = []
    pending: list[str] = []

    def flush() -> None:
        if pending:
            text = " ".join(pending)
            blocks.append((text, len(pending) == 1 and _is_heading_line(text)))
            pending.clear()

    for line in lines:
        stripped = line.strip()
        if not stripped or any(p.match(stripped) for p in FURNITURE_LINES):
            flush()
            continue
        stripped = TEASER_TAIL.sub("", stripped)
        if not stripped:
            continue
        if wrapped:
            pending.append(stripped)
        else:
            blocks.append((stripped, _is_heading_line(stripped)))
    flush()
    return blocks


def _looks_hard_wrapped(lines: list[str]) -> bool:
    """True for text wrapped at a fixed width, where a paragraph spans several lines."""
    lengths = [len(line) for line in lines if line.strip()]
    if len(lengths) < 4:
        return False
    return max(lengths) <= 100 and sum(length >= 50 for length in lengths) >= len(lengths) / 2


def _is_heading_line(text: str) -> bool:
    short = len(text) <= HEADING_MAX_CHARS and not SENTENCE_END.search(text)
    return short or _in_title_case(text)


def _in_title_case(text: str) -> bool:
    """A line in a headline's capitals, however long, that ends no sentence: another story's
    headline linked from the page ("Updated Police Identify Man, Woman Found Dead in Plano
    Apartment", "Fitzgerald Equates Firing to Professional 'Death Sentence'")."""
    return (
        len(text.split()) <= HEADLINE_MAX_WORDS
        and _title_cased(text)
        and not HEADLINE_END.search(text)
    )


def _title_cased(text: str) -> bool:
    """Whether every word of four letters or more opens with a capital, four such at least."""
    long_words = [w for w in TITLE_WORD.findall(text) if len(w) >= TITLE_CASE_MIN_LETTERS]
    return len(long_words) >= TITLE_CASE_MIN_WORDS and all(
        w[0].isupper() or w[0].isdigit() for w in long_words
    )


def is_headline(text: str) -> bool:
    """Could this first line of an article be its headline? A short line that ends as no
    sentence does, or one in title case whatever it ends with ("Home Depot Stock Is Falling
    After Its Earnings Release. Why You Shouldn’t Worry.")."""
    if len(text.split()) > HEADLINE_MAX_WORDS:
        return False
    return not HEADLINE_END.search(text) or _title_cased(text)


def is_byline(text: str) -> bool:
    """Does this line credit the article's writer ("By Jane Doe", "Tom Davies, AP")?"""
    if len(text.split()) > BYLINE_MAX_WORDS or HEADLINE_END.search(text):
        return False
    if not BYLINE.match(text):
        return False
    name = BYLINE_NAME.match(text)
    # The name's words are capitalized: "Indianapolis – Several thousand…" is a dateline.
    return name is not None and all(w[:1].isupper() for w in name.group().split()[-2:])


def _byline_at(blocks: list[tuple[str, bool]]) -> int | None:
    """The index of the byline among the first blocks, if there is one."""
    for position, (text, _) in enumerate(blocks[:BYLINE_LOOKAHEAD]):
        if is_byline(text):
            return position
    return None


def _markdown_blocks(raw: str) -> tuple[list[tuple[str, bool]], dict[str, str]]:
    """Paragraph texts of Markdown with a heading flag: headings, paragraphs, list items and
    quotes as plain text; code, HTML, tables and images left out, as they are not prose. With
    them, the title and author its front matter gives (`_front_matter`)."""
    tokens = _markdown_parser(with_front_matter=True).parse(raw)
    front_matter: dict[str, str] = {}
    if tokens and tokens[0].type == "front_matter":
        fields = _front_matter(tokens[0].content)
        if fields is None:
            # Two rules around the article's own text: read as Markdown, as without the plugin.
            tokens = _markdown_parser(with_front_matter=False).parse(raw)
        else:
            front_matter = fields
    blocks: list[tuple[str, bool]] = []
    containers: list[str] = []  # the open blocks around the current token, outermost first
    for token in tokens:
        # Code blocks, fences, HTML blocks and the front matter are single tokens without inline
        # text: never read as prose.
        if token.nesting == 1:
            containers.append(token.type.removesuffix("_open"))
        elif token.nesting == -1:
            containers.pop()
        if token.type != "inline" or "table" in containers:
            continue
        text = TEASER_TAIL.sub("", _plain_text(token.children or []))
        if not text or any(p.match(text) for p in FURNITURE_LINES):
            continue
        is_marked_heading = containers[-1] == "heading"
        # A short line without closing punctuation ("**About the writer**") reads as a heading,
        # as in plain text; an item of a list or a quote does not, however short.
        reads_as_heading = _is_heading_line(text) and not MARKDOWN_NEVER_HEADINGS.intersection(
            containers
        )
        blocks.append((text, is_marked_heading or reads_as_heading))
    return blocks, front_matter


def _markdown_parser(*, with_front_matter: bool) -> MarkdownIt:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    parser = MarkdownIt("commonmark").enable(list(MARKDOWN_EXTENSIONS))
    return parser.use(front_matter_plugin) if with_front_matter else parser


def _front_matter(yaml_text: str) -> dict[str, str] | None:
    """The `title` and `author` of YAML front matter, each when it is a plain string; None when
    what stands between the first two rules is not front matter but the article's text: it
    starts with a blank line (the first rule was a thematic break), or it is YAML other than a
    mapping (a sentence, a list). Broken YAML in the shape of front matter is still dropped."""
    import yaml

    if not yaml_text.strip():
        return {}
    if not yaml_text.split("\n", 1)[0].strip():
        return None
    try:
        # safe_load builds only plain data (no Python objects): the file is not trusted.
        data = yaml.safe_load(yaml_text)
    except yaml.YAMLError:
        return {}
    if not isinstance(data, dict):
        return None
    found: dict[str, str] = {}
    for name, keys in (("title", FRONT_MATTER_TITLE_KEYS), ("author", FRONT_MATTER_AUTHOR_KEYS)):
        values = [data.get(key) for key in keys]
        text = next((" ".join(v.split()) for v in values if isinstance(v, str) and v.strip()), "")
        if text:
            found[name] = text
    return found


def _plain_text(children: list[Token]) -> str:
    """An inline run's words: emphasis, links and inline code reduced to their text; images,
    inline HTML tags and what `<script>`/`<style>` hold left out; line breaks as spaces."""
    parts: list[str] = []
    skipping_until: str | None = None  # the closing tag of a skipped inline element
    for child in children:
        if skipping_until is not None:
            if child.type == "html_inline" and child.content.lower().startswith(skipping_until):
                skipping_until = None
            continue
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "html_inline":
            opening = MARKDOWN_SKIPPED_INLINE.match(child.content)
            skipping_until = f"</{opening.group(1).lower()}" if opening else None
    # A left-out tag or image leaves its neighbours' spaces side by side: keep one.
    return MARKDOWN_SPACES.sub(" ", "".join(parts)).strip()


def _title(path: Path, blocks: list[tuple[str, bool]], front_matter_title: str | None) -> str:
    """The sidecar `NAME.meta.json` title, else the front matter's, else a leading heading,
    else the file name."""
    meta = path.with_name(path.stem + ".meta.json")
    if meta.is_file():
        try:
            title = json.loads(meta.read_text(encoding="utf-8")).get("title")
        except (OSError, ValueError):
            title = None
        if isinstance(title, str) and title.strip():
            return title.strip()
    if front_matter_title:
        return front_matter_title
    if blocks and blocks[0][1]:
        return blocks[0][0]
    return re.sub(r"[-_]+", " ", path.stem).strip().capitalize() or path.name


def _assemble(
    source: str,
    title: str,
    blocks: list[tuple[str, bool]],
    byline: int | None = None,
    headline: bool = False,
) -> Article:
    # Each paragraph's number, start, end, heading flag and section; it takes its text from
    # the article's once that is joined.
    spans: list[tuple[int, int, int, bool, str]] = []
    parts: list[str] = []
    offset = 0
    section = ""
    if headline:
        # Numbered 0, so the story's paragraphs keep their numbers from 1.
        spans.append((0, 0, len(title), True, HEADLINE_SECTION))
        parts.append(title)
        offset = len(title) + 2
    for position, (text, is_heading) in enumerate(blocks):
        number = position + 1
        if position == byline or (
            position >= len(blocks) - CREDIT_LOOKBEHIND and CREDIT.match(text)
        ):
            # The byline (or a closing credit line) is the author's section on its own; the story
            # after it is not.
            spans.append((number, offset, offset + len(text), False, AUTHOR_SECTION))
            parts.append(text)
            offset += len(text) + 2
            continue
        if is_heading:
            section = AUTHOR_SECTION if AUTHOR_HEADINGS.match(text) else text
        spans.append(
            (number, offset, offset + len(text), is_heading, "" if is_heading else section)
        )
        parts.append(text)
        offset += len(text) + 2
    whole = "\n\n".join(parts)
    paragraphs = tuple(Paragraph(*span, article_text=whole) for span in spans)
    return Article(source, title, whole, paragraphs)
