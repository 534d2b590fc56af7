"""Excel kinds of the opinion app on the shared engine: `opinion_items` (the people's opinion as units
note it), `opinion_collaborators` (the collaborators' register), `opinion_receptions` (the citizen
reception register: one row per case heard) and `opinion_dialogues` (one row per commitment).

Every row is checked with the web's own rules (`danvan.opinion.rules`), so a cell refused here is
refused on the form with the same words; every error is reported at once and nothing is written
unless the whole file is right. Units are named as in every import (`danvan.org.resolver`): by code
(as the export writes them), by name, or as the template's drop-down offers them, "code – name";
namesakes are told apart by the day noted (a collaborator's: the term's start), a place's also by the
area of the unit noting it.

An item has no code: a row with the same unit, place, date noted, source and content as a recorded
item is that item. It is left as it is (a second import of a file, or an exported file, adds
nothing); where the row says something else, a warning names the columns, since an item changes
through its page and its workflow, which records who forwarded it and when. New items are written
in bulk, their history logged in bulk, with no query per row.

A collaborator is matched by unit, name (regardless of diacritics) and term start; a matched one
takes the file's position, field and term end.

Reception days and dialogues are matched by unit and day, their cases and commitments within them by
what they say (see `MeetingKind`); a filled cell updates a recorded one, a blank cell keeps it.
"""

# The kinds register themselves when their modules are imported; these names are what callers use.
from danvan.opinion.imports.common import (
    INTENSITY_ALIASES,
    LINK_LENGTH,
    MSG_COLLABORATOR_AMBIGUOUS,
    MSG_COLLABORATOR_UNKNOWN,
    MSG_FORWARDED_ANSWERED,
    MSG_LINK,
    MSG_NEW_FORWARDED,
    MSG_RECORDED,
    MSG_SAME_COLLABORATOR,
    MSG_SAME_ITEM,
    MSG_TOPIC_ENDED,
    MSG_YES_NO,
    PLATFORM_ALIASES,
    SOURCE_ALIASES,
    STATE_ALIASES,
    TENDENCY_ALIASES,
    UNIT_CODE,
    YES,
    Link,
    YesNo,
    unit_column,
    unit_resolver,
)
from danvan.opinion.imports.items import (
    ANSWER_FIELDS,
    FORWARD_FIELDS,
    SOURCE_FIELDS,
    CollaboratorsKind,
    ItemsKind,
)
from danvan.opinion.imports.meetings import (
    CASE_TYPE_ALIASES,
    HOST_ROLE_ALIASES,
    MSG_CASE_TYPE,
    MSG_CONTINUES_NOTHING,
    MSG_HOST_ROLE,
    MSG_MEETING_DIFFERS,
    MSG_SAME_CASE,
    MSG_SAME_COMMITMENT,
    RECEPTION_KIND_ALIASES,
    RECEPTION_STATUS_ALIASES,
    DialoguesKind,
    MeetingKind,
    ReceptionsKind,
    meeting_unit_column,
)
from danvan.opinion.imports.templates import (
    COLLABORATOR_GUIDE,
    COLLABORATOR_NOTES,
    COLLABORATOR_TEMPLATE_NAME,
    DIALOGUE_GUIDE,
    DIALOGUE_NOTES,
    DIALOGUE_TEMPLATE_NAME,
    FREE_TEXT,
    ITEM_GUIDE,
    ITEM_NOTES,
    ITEM_TEMPLATE_NAME,
    LISTS_SHEET,
    RECEPTION_GUIDE,
    RECEPTION_NOTES,
    RECEPTION_TEMPLATE_NAME,
    TEMPLATE_ROWS,
    collaborator_template,
    dialogue_template,
    item_template,
    reception_template,
)

__all__ = [
    "ANSWER_FIELDS",
    "CASE_TYPE_ALIASES",
    "COLLABORATOR_GUIDE",
    "COLLABORATOR_NOTES",
    "COLLABORATOR_TEMPLATE_NAME",
    "DIALOGUE_GUIDE",
    "DIALOGUE_NOTES",
    "DIALOGUE_TEMPLATE_NAME",
    "FORWARD_FIELDS",
    "FREE_TEXT",
    "HOST_ROLE_ALIASES",
    "INTENSITY_ALIASES",
    "ITEM_GUIDE",
    "ITEM_NOTES",
    "ITEM_TEMPLATE_NAME",
    "LINK_LENGTH",
    "LISTS_SHEET",
    "MSG_CASE_TYPE",
    "MSG_COLLABORATOR_AMBIGUOUS",
    "MSG_COLLABORATOR_UNKNOWN",
    "MSG_CONTINUES_NOTHING",
    "MSG_FORWARDED_ANSWERED",
    "MSG_HOST_ROLE",
    "MSG_LINK",
    "MSG_MEETING_DIFFERS",
    "MSG_NEW_FORWARDED",
    "MSG_RECORDED",
    "MSG_SAME_CASE",
    "MSG_SAME_COLLABORATOR",
    "MSG_SAME_COMMITMENT",
    "MSG_SAME_ITEM",
    "MSG_TOPIC_ENDED",
    "MSG_YES_NO",
    "PLATFORM_ALIASES",
    "RECEPTION_GUIDE",
    "RECEPTION_KIND_ALIASES",
    "RECEPTION_NOTES",
    "RECEPTION_STATUS_ALIASES",
    "RECEPTION_TEMPLATE_NAME",
    "SOURCE_ALIASES",
    "SOURCE_FIELDS",
    "STATE_ALIASES",
    "TEMPLATE_ROWS",
    "TENDENCY_ALIASES",
    "UNIT_CODE",
    "YES",
    "CollaboratorsKind",
    "DialoguesKind",
    "ItemsKind",
    "Link",
    "MeetingKind",
    "ReceptionsKind",
    "YesNo",
    "collaborator_template",
    "dialogue_template",
    "item_template",
    "meeting_unit_column",
    "reception_template",
    "unit_column",
    "unit_resolver",
]
