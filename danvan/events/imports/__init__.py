"""Excel kinds of the events app on the shared engine: `conferences` (one row per conference, with the units
attending) and `contest_scores` (one contest's score sheet: a row per entry, a column per round).

Every row is checked with the web's own rules (`danvan.events.rules`), so a cell refused here is refused on
the page with the same words; every error is reported at once and nothing is written unless the whole file
is right. Units are found by the one resolver (`danvan.org.resolver.UnitResolver`).
"""

from danvan.events.imports.conferences import MSG_SAME_CONFERENCE, ConferencesKind, conference_template
from danvan.events.imports.scores import (
    MSG_NO_CONTEST,
    MSG_SAME_ENTRY,
    MSG_SCORE,
    ContestScoresKind,
)

__all__ = [
    "MSG_NO_CONTEST",
    "MSG_SAME_CONFERENCE",
    "MSG_SAME_ENTRY",
    "MSG_SCORE",
    "ConferencesKind",
    "ContestScoresKind",
    "conference_template",
]
