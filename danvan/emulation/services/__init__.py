"""Every change to score sheets: sets and their criteria, members, scores, the scorecard workflow.

Each operation checks its own permission and runs in one transaction; views, the Excel import,
the demo and (later) the API call these and nothing else.

Who may do what:
- the commission (reviewer or admin on the set's unit, or above it) creates and edits sets,
  chooses the member units, appraises, returns and finalizes scorecards;
- an editor of a scored unit (or above it) fills and submits that unit's scorecard;
- nobody appraises a scorecard they submitted.
"""

from danvan.emulation.services.common import (
    FIRST_YEAR,
    LAST_YEAR,
    MSG_CARD_FINAL,
    MSG_CARD_SUBMITTED,
    MSG_NOT_APPRAISING,
    MSG_SET_LOCKED,
    STATE_LABELS,
    can_manage,
    load_tree,
    scores_by_criterion,
    year_bounds,
)
from danvan.emulation.services.members import (
    add_members,
    candidate_units,
    default_scope_unit,
    fill_members,
    remove_member,
)
from danvan.emulation.services.scoring import (
    WORKFLOW,
    ScorecardWorkflow,
    attach_file,
    award_types,
    can_appraise,
    can_self_score,
    propose_top_units,
    save_appraisal,
    save_self_score,
    submission_problems,
    transition,
)
from danvan.emulation.services.sets import (
    add_criterion,
    check_grades,
    copy_set,
    create_set,
    delete_criterion,
    import_criteria,
    move_criterion,
    set_grades,
    update_criterion,
    update_set,
)

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "MSG_CARD_FINAL",
    "MSG_CARD_SUBMITTED",
    "MSG_NOT_APPRAISING",
    "MSG_SET_LOCKED",
    "STATE_LABELS",
    "WORKFLOW",
    "ScorecardWorkflow",
    "add_criterion",
    "add_members",
    "attach_file",
    "award_types",
    "can_appraise",
    "can_manage",
    "can_self_score",
    "candidate_units",
    "check_grades",
    "copy_set",
    "create_set",
    "default_scope_unit",
    "delete_criterion",
    "fill_members",
    "import_criteria",
    "load_tree",
    "move_criterion",
    "propose_top_units",
    "remove_member",
    "save_appraisal",
    "save_self_score",
    "scores_by_criterion",
    "set_grades",
    "submission_problems",
    "transition",
    "update_criterion",
    "update_set",
    "year_bounds",
]
