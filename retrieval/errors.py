"""Domain errors the engine raises; front ends turn them into one plain line."""


class QabotError(Exception):
    """Base of every error a user should read as a message, not a traceback."""


class SettingsError(QabotError):
    """A setting from the environment or `.env` is invalid."""


class IndexCorrupt(QabotError):
    """The Chroma folder exists but cannot be opened."""


class IndexUnavailable(QabotError):
    """The Chroma server cannot be reached."""


class SourceUnreadable(QabotError):
    """A file given to ingest cannot be read as text."""


class EmptyQuestion(QabotError):
    """The question has no words in it."""


class IndexOutdated(QabotError):
    """The index was laid out by an older qabot and must be stored again."""


class IndexEmptied(QabotError):
    """The index held articles once and holds none now: reported, never refilled silently."""


class IndexBusy(QabotError):
    """The index kept changing under a question (another process is ingesting into it)."""


class ArticleChoiceError(QabotError):
    """A choice of article names none of the index's articles, or more than one."""
