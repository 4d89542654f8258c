"""The prompt templates, kept as Markdown files and loaded into LangChain `ChatPromptTemplate`s."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from langchain_core.prompts import ChatPromptTemplate

PROMPTS_DIR = Path(__file__).resolve().parent
ANSWER = "answer"
CONDENSE = "condense"
# "## system" / "## human" start the messages of a template; HTML comments are notes for people.
_SECTION = re.compile(r"^## (system|human)\s*$", re.MULTILINE)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


@cache
def load_prompt(name: str) -> ChatPromptTemplate:
    """The template `prompts/NAME.md` as a chat prompt of its system and human messages."""
    text = _COMMENT.sub("", (PROMPTS_DIR / f"{name}.md").read_text(encoding="utf-8"))
    parts = _SECTION.split(text)
    # split() gives [before, role, body, role, body, ...]
    messages = [(role, body.strip()) for role, body in zip(parts[1::2], parts[2::2], strict=True)]
    if not messages:
        raise ValueError(f"prompts/{name}.md has no '## system' or '## human' section")
    return ChatPromptTemplate.from_messages(messages)
