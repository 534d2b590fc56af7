"""A unit's scorecard: the criteria with its scores, saved one criterion at a time (HTMX), the
workflow steps, evidence files, timeline and history."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from danvan.core import changelog, uploads
from danvan.core.forms import add_errors
from danvan.core.views import requested_transition
from danvan.core.workflow import timeline
from danvan.documents.issuers import NoIssuer
from danvan.documents.models import FormatProfile
from danvan.documents.services import report_day
from danvan.emulation import rules, services, tree
from danvan.emulation.choices import SELF_EDITABLE, Status
from danvan.emulation.forms import AppraisalForm, CommentForm, EvidenceFileForm, SelfScoreForm
from danvan.emulation.models import EvidenceFile, Grade, Score, Scorecard
from danvan.emulation.printing import scorecard_docx
from danvan.emulation.views.common import DOCX, attachment, get_card, readable_scores

SELF, APPRAISE, READ = "self", "appraise", "read"


def mode_for(user, card: Scorecard) -> str:
    if services.can_self_score(user, card):
        return SELF
    if services.can_appraise(user, card):
        return APPRAISE
    return READ


@dataclass
class RowView:
    """One line of the scorecard table: a node, its score and subtotal, what was typed if refused."""

    node: tree.Node
    score: Score | None
    subtotal: tree.Subtotal
    files: list = field(default_factory=list)
    errors: dict[str, list[str]] = field(default_factory=dict)
    typed: dict[str, str] = field(default_factory=dict)
    saved: bool = False

    def _text(self, name: str, is_score: bool = False) -> str:
        """What the input shows: the refused text as typed, else the saved value ("8,5")."""
        if name in self.typed:
            return self.typed[name]
        value = getattr(self.score, name, None) if self.score is not None else None
        if is_score:
            return rules.format_score(value)
        return value or ""

    @property
    def self_text(self) -> str:
        return self._text("self_score", is_score=True)

    @property
    def evidence_text(self) -> str:
        return self._text("evidence")

    @property
    def appraised_text(self) -> str:
        return self._text("appraised_score", is_score=True)

    @property
    def comment_text(self) -> str:
        return self._text("comment")

    @property
    def self_errors(self) -> list[str]:
        return self.errors.get("self_score", []) + self.errors.get("evidence", [])

    @property
    def appraised_errors(self) -> list[str]:
        return self.errors.get("appraised_score", []) + self.errors.get("comment", [])

    @property
    def general_errors(self) -> list[str]:
        return self.errors.get("__all__", [])


def _rows(criteria: tree.Tree, scores: dict, totals: tree.Totals, files: list) -> list[RowView]:
    by_criterion: dict[int | None, list] = {}
    for attached in files:
        by_criterion.setdefault(attached.criterion_id, []).append(attached)
    return [
        RowView(node, scores.get(node.pk), totals.nodes[node.pk], by_criterion.get(node.pk, []))
        for node in criteria.nodes
    ]


def _history(request, card: Scorecard):
    """The scorecard's own changes and every change of its scores and files, newest first (paged)."""
    return changelog.record_history(request, card, readable=readable_scores)


def _totals_context(card: Scorecard, criteria: tree.Tree, totals: tree.Totals, grades: list[Grade]) -> dict:
    show_appraisal = card.status in (Status.APPRAISING, Status.FINAL) or totals.appraised > 0
    shown = totals.appraised_total if show_appraisal else totals.self_total
    return {
        "show_appraisal": show_appraisal,
        "totals": totals,
        "total_max": criteria.total_max,
        "bonus_max": criteria.bonus_max,
        "penalty_max": criteria.penalty_max,
        "grade": tree.grade_for(shown, grades),
    }


def render_card(request, card: Scorecard, failed_action: str = "", failed_form=None, file_form=None):
    user = request.user
    criteria = services.load_tree(card.criteria_set_id)
    scores = services.scores_by_criterion(card)
    totals = tree.compute(criteria, scores)
    grades = list(Grade.objects.filter(criteria_set_id=card.criteria_set_id))
    files = list(EvidenceFile.objects.restrict(user).filter(scorecard=card).select_related("uploaded_by"))
    mode = mode_for(user, card)
    steps = timeline(card, user)
    labels = dict(Status.choices)
    for step in steps:
        step.from_label, step.to_label = labels.get(step.from_state, ""), labels.get(step.to_state, "")
    returned = next((s for s in reversed(steps) if s.action == "return"), None)
    actions = []
    for step in services.WORKFLOW.available(card, user):
        form = None
        if step.requires_comment:
            form = failed_form if step.action == failed_action else CommentForm(reason=True, prefix=step.action)
        actions.append((step, form))
    context = {
        "card": card,
        "criteria_set": card.criteria_set,
        "rows": _rows(criteria, scores, totals, files),
        "mode": mode,
        "actions": actions,
        "failed_action": failed_action,
        "steps": steps,
        "return_step": returned if card.status == Status.RETURNED else None,
        "history": _history(request, card),
        "general_files": [f for f in files if f.criterion_id is None],
        "file_form": (file_form or EvidenceFileForm(leaves=criteria.leaves())) if mode == SELF else None,
        "can_manage": services.can_manage(user, card.criteria_set),
        **_totals_context(card, criteria, totals, grades),
    }
    return render(request, "emulation/card_detail.html", context)


@login_required
def card_detail(request, pk: int):
    return render_card(request, get_card(request, pk))


@require_POST
@login_required
def card_score(request, pk: int, criterion_pk: int):
    """Save one criterion's score (HTMX): the row comes back, with the totals swapped out of band."""
    card = get_card(request, pk)
    user = request.user
    criteria = services.load_tree(card.criteria_set_id)
    node = criteria.by_id.get(criterion_pk)
    if node is None or not node.is_leaf:
        raise Http404("Không có tiêu chí này trong bảng điểm.")
    appraising = card.status == Status.APPRAISING
    form = AppraisalForm(request.POST) if appraising else SelfScoreForm(request.POST)
    errors: dict[str, list[str]] = {}
    saved = False
    if form.is_valid():
        data = form.cleaned_data
        try:
            if card.status in SELF_EDITABLE:
                services.save_self_score(user, card, node.pk, data["self_score"], data["evidence"], criteria)
            elif appraising:
                services.save_appraisal(user, card, node.pk, data["appraised_score"], data["comment"], criteria)
            else:
                raise ValidationError(services.MSG_CARD_FINAL if card.is_final else services.MSG_CARD_SUBMITTED)
        except ValidationError as exc:
            for name, messages_ in getattr(exc, "message_dict", {"__all__": exc.messages}).items():
                errors.setdefault(name, []).extend(messages_)
        else:
            saved = True
    else:
        errors = {name: list(errs) for name, errs in form.errors.items()}
    scores = services.scores_by_criterion(card)
    totals = tree.compute(criteria, scores)
    grades = list(Grade.objects.filter(criteria_set_id=card.criteria_set_id))
    files = list(EvidenceFile.objects.restrict(user).filter(scorecard=card, criterion_id=node.pk))
    row = RowView(node, scores.get(node.pk), totals.nodes[node.pk], files, errors, saved=saved)
    if errors:
        row.typed = {name: request.POST.get(name, "") for name in form.fields}
    context = {
        "card": card,
        "row": row,
        "mode": mode_for(user, card),
        "ancestors": [(a, totals.nodes[a.pk]) for a in node.ancestors()],
        **_totals_context(card, criteria, totals, grades),
    }
    return render(request, "emulation/_score_response.html", context)


@require_POST
@login_required
def card_action(request, pk: int, action: str):
    """Submit, start appraisal, return (with a reason) or finalize a scorecard."""
    card = get_card(request, pk)
    step = requested_transition(request, card, services.WORKFLOW, action, "Bảng điểm")
    if isinstance(step, HttpResponse):
        return step
    form = CommentForm(request.POST, reason=step.requires_comment, prefix=action)
    if form.is_valid():
        try:
            services.transition(request.user, card, action, form.cleaned_data["comment"])
        except ValidationError as exc:
            if step.requires_comment:
                add_errors(form, exc)
            else:
                for message in exc.messages:
                    messages.error(request, message)
                return redirect(card)
        else:
            messages.success(request, f"Bảng điểm của {card.unit_name} đã chuyển sang “{Status(step.target).label}”.")
            return redirect(card)
    return render_card(request, card, failed_action=action, failed_form=form)


@require_POST
@login_required
def file_upload(request, pk: int):
    card = get_card(request, pk)
    criteria = services.load_tree(card.criteria_set_id)
    form = EvidenceFileForm(request.POST, request.FILES, leaves=criteria.leaves())
    if form.is_valid():
        try:
            attached = services.attach_file(
                request.user,
                card,
                file=form.cleaned_data["file"],
                caption=form.cleaned_data["caption"],
                criterion=form.cleaned_data["criterion"],
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, f"Đã tải lên “{attached}”.")
            return redirect(f"{card.get_absolute_url()}#tep")
    return render_card(request, card, file_form=form)


@login_required
def file_download(request, pk: int):
    """Serve a file only to users who may see its scorecard (never a bare media URL)."""
    attached = get_object_or_404(EvidenceFile.objects.restrict(request.user), pk=pk)
    return uploads.serve(attached.file, attached.original_name)


@login_required
def card_docx(request, pk: int):
    """The scorecard as the unit's Party-format report (Word), for the unit to print and sign."""
    card = get_card(request, pk)  # another unit's scorecard does not exist for the user: 404
    try:
        data = scorecard_docx(card, report_day(card.criteria_set.year, card.unit))
    except (NoIssuer, FormatProfile.DoesNotExist) as exc:  # not configured yet: say where
        messages.error(request, str(exc))
        return redirect("emulation:card", pk=card.pk)
    return attachment(
        HttpResponse(data, content_type=DOCX), f"bang-diem-thi-dua-{card.criteria_set.year}-{card.pk}.docx"
    )
