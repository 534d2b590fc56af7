"""Scores, evidence files and the scorecard workflow (nháp → đã nộp → đang thẩm định → trả lại →
đã chốt), and the award proposal made from the ranking."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from danvan.core import scoping, uploads
from danvan.core.workflow import ANCESTOR, Transition, Workflow
from danvan.emulation import rules, tree
from danvan.emulation.choices import SELF_EDITABLE, Kind
from danvan.emulation.models import CriteriaSet, Criterion, EvidenceFile, Score, Scorecard
from danvan.emulation.services.common import (
    MSG_CARD_FINAL,
    MSG_CARD_SUBMITTED,
    MSG_NOT_APPRAISING,
    S,
    _raise,
    _require_manage,
    load_tree,
    scores_by_criterion,
)
from danvan.emulation.services.members import default_scope_unit


class ScorecardWorkflow(Workflow):
    """The core workflow, plus: a commission step needs review rights on the set's own unit too,
    so only the commission that owns the set (not any reviewer above the unit) appraises."""

    def refusal(self, obj, transition: Transition, user) -> str | None:
        reason = super().refusal(obj, transition, user)
        if reason is None and transition.where == ANCESTOR:
            owner = obj.criteria_set.unit
            if not scoping.covers(user, owner.path, transition.permission):
                return f"Chỉ {owner.name} (cơ quan chấm điểm) mới được “{transition.label}”."
        return reason


COMMISSION = {"permission": scoping.REVIEW, "where": ANCESTOR, "not_by_proposer": True}
WORKFLOW = ScorecardWorkflow(
    state_field="status",
    proposer=lambda card: card.submitted_by_id,
    locked_states=frozenset({S.FINAL}),
    transitions=[
        Transition(
            "submit",
            "Nộp bảng điểm",
            frozenset({S.DRAFT, S.RETURNED}),
            S.SUBMITTED,
            confirmation="Nộp bảng điểm cho cơ quan chấm điểm? Sau khi nộp, đơn vị không sửa được điểm tự chấm "
            "trừ khi bảng điểm bị trả lại.",
        ),
        Transition(
            "appraise", "Bắt đầu thẩm định", frozenset({S.SUBMITTED}), S.APPRAISING, style="secondary", **COMMISSION
        ),
        Transition(
            "return",
            "Trả lại",
            frozenset({S.SUBMITTED, S.APPRAISING}),
            S.RETURNED,
            requires_comment=True,
            style="warning",
            **COMMISSION,
        ),
        Transition(
            "finalize",
            "Chốt kết quả",
            frozenset({S.APPRAISING}),
            S.FINAL,
            style="success",
            confirmation="Chốt kết quả bảng điểm? Điểm thẩm định được khóa và đưa vào xếp hạng.",
            **COMMISSION,
        ),
    ],
)


def can_self_score(user, card: Scorecard) -> bool:
    return card.status in SELF_EDITABLE and scoping.covers(user, card.unit.path, scoping.CHANGE)


def can_appraise(user, card: Scorecard) -> bool:
    """The commission, on a scorecard it is appraising and did not submit itself."""
    if card.status != S.APPRAISING or card.submitted_by_id == user.pk:
        return False
    parent = card.unit.parent
    return (
        parent is not None
        and scoping.covers(user, parent.path, scoping.REVIEW)
        and scoping.covers(user, card.criteria_set.unit.path, scoping.REVIEW)
    )


def _leaf(card: Scorecard, criterion_id: int, criteria: tree.Tree | None) -> tuple[tree.Node, tree.Tree]:
    criteria = criteria or load_tree(card.criteria_set_id)
    node = criteria.by_id.get(criterion_id)
    if node is None:
        raise ValidationError("Tiêu chí không thuộc bản điểm này.")
    if not node.is_leaf:
        raise ValidationError(f"Mục {node.criterion.position} được cộng từ các tiêu chí con, không chấm trực tiếp.")
    return node, criteria


def _current_status(card: Scorecard) -> str:
    """The state under a row lock, so a score cannot slip in while the card is being submitted."""
    status = Scorecard.objects.select_for_update().values_list("status", flat=True).get(pk=card.pk)
    card.status = status
    return status


def _score_for(card: Scorecard, node: tree.Node) -> Score:
    score = Score.objects.filter(scorecard=card, criterion_id=node.pk).first()
    if score is None:
        score = Score(scorecard=card, criterion=node.criterion)
    score.scorecard, score.criterion = card, node.criterion  # cached for the change log
    return score


@transaction.atomic
def save_self_score(
    user,
    card: Scorecard,
    criterion_id: int,
    self_score: Decimal | None,
    evidence: str = "",
    criteria: tree.Tree | None = None,
) -> Score:
    """The unit's own score and evidence for one criterion (draft or returned scorecards only)."""
    if not scoping.covers(user, card.unit.path, scoping.CHANGE):
        raise PermissionDenied(f"Bạn không có quyền chấm điểm của {card.unit.name}.")
    status = _current_status(card)
    if status == S.FINAL:
        raise ValidationError(MSG_CARD_FINAL)
    if status not in SELF_EDITABLE:
        raise ValidationError(MSG_CARD_SUBMITTED)
    node, _ = _leaf(card, criterion_id, criteria)
    if node.criterion.max_score is None:
        raise ValidationError(f"Mục {node.criterion.position} chưa có điểm tối đa nên chưa chấm được.")
    _raise(rules.check_score(self_score, node.criterion.max_score, node.kind, "self_score"))
    score = _score_for(card, node)
    score.self_score, score.evidence = rules.quantize(self_score), (evidence or "").strip()
    score.save()
    return score


@transaction.atomic
def save_appraisal(
    user,
    card: Scorecard,
    criterion_id: int,
    appraised_score: Decimal | None,
    comment: str = "",
    criteria: tree.Tree | None = None,
) -> Score:
    """The commission's adjusted score and comment (empty: the self-score stands)."""
    status = _current_status(card)
    if status == S.FINAL:
        raise ValidationError(MSG_CARD_FINAL)
    if status != S.APPRAISING:
        raise ValidationError(MSG_NOT_APPRAISING)
    if not can_appraise(user, card):
        if card.submitted_by_id == user.pk:
            raise PermissionDenied("Không được thẩm định bảng điểm do chính mình nộp.")
        raise PermissionDenied(f"Chỉ {card.criteria_set.unit.name} (cơ quan chấm điểm) mới thẩm định được.")
    node, _ = _leaf(card, criterion_id, criteria)
    _raise(rules.check_score(appraised_score, node.criterion.max_score, node.kind, "appraised_score"))
    score = _score_for(card, node)
    score.appraised_score, score.comment = rules.quantize(appraised_score), (comment or "").strip()
    score.save()
    return score


@transaction.atomic
def attach_file(user, card: Scorecard, *, file, caption: str = "", criterion: Criterion | None = None) -> EvidenceFile:
    """An evidence file the unit attaches while it fills its scorecard (draft or returned)."""
    if not scoping.covers(user, card.unit.path, scoping.CHANGE):
        raise PermissionDenied(f"Bạn không có quyền thêm tệp cho bảng điểm của {card.unit.name}.")
    status = _current_status(card)
    if status == S.FINAL:
        raise ValidationError(MSG_CARD_FINAL)
    if status not in SELF_EDITABLE:
        raise ValidationError("Bảng điểm đã nộp nên không bổ sung tệp được (trừ khi được trả lại).")
    if criterion is not None and criterion.criteria_set_id != card.criteria_set_id:
        raise ValidationError("Tiêu chí không thuộc bản điểm này.")
    attached = EvidenceFile(scorecard=card, criterion=criterion, caption=caption.strip(), uploaded_by=user)
    attached.file, attached.original_name = file, uploads.original_name(file)
    attached.save()
    return attached


# --- Workflow ------------------------------------------------------------------------------------


def submission_problems(card: Scorecard) -> list[str]:
    """Why the scorecard cannot be submitted yet: unscored criteria, scores above a changed maximum."""
    criteria = load_tree(card.criteria_set_id)
    scores = scores_by_criterion(card)
    problems = []
    if not criteria.nodes:
        problems.append("Bản điểm chưa có tiêu chí nào.")
    missing = [
        leaf.criterion.position
        for leaf in criteria.leaves()
        if leaf.kind == Kind.CRITERION and (leaf.pk not in scores or scores[leaf.pk].self_score is None)
    ]
    if missing:
        shown = ", ".join(missing[:15]) + (", …" if len(missing) > 15 else "")
        problems.append(f"Còn {len(missing)} tiêu chí chưa tự chấm điểm: {shown}.")
    no_max = [leaf.criterion.position for leaf in criteria.leaves() if leaf.criterion.max_score is None]
    if no_max:
        problems.append(
            f"Bản điểm còn mục chưa có điểm tối đa ({', '.join(no_max)}); đề nghị cơ quan chấm điểm bổ sung."
        )
    for leaf in criteria.leaves():
        score = scores.get(leaf.pk)
        if score is not None and rules.check_score(score.self_score, leaf.criterion.max_score, leaf.kind):
            problems.append(f"Điểm tự chấm của mục {leaf.criterion.position} vượt quá điểm tối đa.")
    return problems


def transition(user, card: Scorecard, action: str, comment: str = "") -> Scorecard:
    """Take a workflow step; submitting checks the scorecard is complete and locks the set."""
    step = WORKFLOW.get(action)
    if card.status not in step.sources:
        raise ValidationError(
            f"Bảng điểm đang ở trạng thái “{card.get_status_display()}” nên không thể “{step.label}”."
        )
    refusal = WORKFLOW.refusal(card, step, user)
    if refusal:
        raise PermissionDenied(refusal)
    with transaction.atomic():
        changes: dict = {}
        now = timezone.now()
        if action == "submit":
            problems = submission_problems(card)
            if problems:
                raise ValidationError(problems)
            changes = {"submitted_by": user, "submitted_at": now}
        elif action == "finalize":
            changes = {"finalized_at": now}
        fresh = WORKFLOW.apply(card, action, user, comment=comment, changes=changes)
        if action == "submit":
            CriteriaSet.objects.filter(pk=card.criteria_set_id, locked_at__isnull=True).update(locked_at=now)
    return fresh


# --- Award proposal ------------------------------------------------------------------------------


def award_types(year: int):
    """Award types valid in the year that may be given to collectives (for the proposal form)."""
    from danvan.emulation import awards_link

    return awards_link.award_types(year)


def propose_top_units(criteria_set: CriteriaSet, n: int, user, award_type=None, achievement: str = ""):
    """Put the units ranked n-th or better (ties included) into a draft award proposal, in one step.

    The proposal is made by the Party committee the commission belongs to (the scored units are
    below it), as collective recipients that are the units themselves. Returns the proposal.
    """
    from danvan.emulation import awards_link
    from danvan.emulation.reports import ranking

    _require_manage(user, criteria_set)
    if n < 1:
        raise ValidationError({"n": "Số đơn vị đề nghị phải từ 1 trở lên."})
    result = ranking(criteria_set, user)
    top = result.top(n)
    if not top:
        raise ValidationError("Chưa có bảng điểm nào được chốt nên chưa có thứ hạng để đề nghị khen thưởng.")
    cards = Scorecard.objects.filter(pk__in=[row.card_id for row in top]).select_related("unit")
    units = {card.pk: card.unit for card in cards}
    achievement = achievement.strip() or (
        f"Đã có thành tích xuất sắc trong phong trào thi đua năm {criteria_set.year} "
        f"(xếp hạng theo {criteria_set.name})."
    )
    with transaction.atomic():
        return awards_link.create_proposal(
            user,
            unit=default_scope_unit(criteria_set),
            year=criteria_set.year,
            award_type=award_type,
            achievement=achievement,
            recipients=[(units[row.card_id], row) for row in top],
        )
