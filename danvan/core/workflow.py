"""A workflow is a table of transitions applied by one function (the Frappe idea, our code).

Each transition says from which states, to which state, which action on which unit it needs
(`change` on the record's own unit, or `review` on a strict ancestor of it), whether a comment
is required (returning and rejecting must give a reason) and whether the person who made the
previous step may take it (nobody approves their own proposal). `apply` checks all of that,
changes the state, saves, and writes the timeline entry, in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from danvan.core import scoping
from danvan.core.models import WorkflowStep
from danvan.core.users import display_name

OWN_UNIT = "own"  # the actor holds the permission on the record's unit (or above)
ANCESTOR = "ancestor"  # the actor holds it on a unit strictly above the record's unit


@dataclass(frozen=True)
class Transition:
    action: str
    label: str
    sources: frozenset[str]
    target: str
    permission: str = scoping.CHANGE
    where: str = OWN_UNIT
    requires_comment: bool = False
    not_by_proposer: bool = False
    style: str = "primary"
    # The question asked before an irreversible step ("Nộp bảng điểm?"): the page shows a dialog
    # (static/danvan/confirm.js) and only "accept" submits. Empty: the step is taken at once.
    confirmation: str = ""
    # What the step does, in one short sentence, shown beside the next possible steps.
    hint: str = ""

    @property
    def is_one_way(self) -> bool:
        return bool(self.confirmation)


@dataclass(frozen=True)
class NextStep:
    """A step the user may take now (`allowed`), or later once an earlier one is taken (`hint` says which)."""

    transition: Transition
    allowed: bool
    hint: str


@dataclass
class Workflow:
    state_field: str
    transitions: list[Transition]
    # The user who made the step a `not_by_proposer` transition must not be made by.
    proposer: Callable[[object], int | None] = lambda obj: None
    locked_states: frozenset[str] = field(default_factory=frozenset)

    def get(self, action: str) -> Transition:
        for transition in self.transitions:
            if transition.action == action:
                return transition
        raise ValidationError(f"Thao tác không hợp lệ: {action}")

    def refusal(self, obj, transition: Transition, user) -> str | None:
        """Why `user` may not take `transition` on `obj` now; None when allowed."""
        state = getattr(obj, self.state_field)
        if state not in transition.sources:
            shown = getattr(obj, f"get_{self.state_field}_display")()
            return f"Không thể “{transition.label}” khi hồ sơ đang ở trạng thái “{shown}”."
        if not self.permitted(obj, transition, user):
            return f"Bạn không có quyền “{transition.label}” hồ sơ của {obj.unit.name}."
        if transition.not_by_proposer and self.proposer(obj) == user.pk:
            return "Không được tự phê duyệt hồ sơ do chính mình đề nghị."
        return None

    def permitted(self, obj, transition: Transition, user) -> bool:
        """Whether the user holds the transition's permission where it is needed (whatever the state)."""
        unit = obj.unit
        if transition.where == ANCESTOR:
            return unit.parent_id is not None and scoping.covers(user, unit.parent.path, transition.permission)
        return scoping.covers(user, unit.path, transition.permission)

    def available(self, obj, user) -> list[Transition]:
        return [t for t in self.transitions if self.refusal(obj, t, user) is None]

    def next_steps(self, obj, user) -> list[NextStep]:
        """The steps the user can take now, then those the user could take right after one of them
        ("Đề nghị công nhận" once "Bắt đầu thực hiện" is done), each with a short hint."""
        now = self.available(obj, user)
        steps = [NextStep(t, True, t.hint) for t in now]
        for later in self.transitions:
            if later in now or getattr(obj, self.state_field) in later.sources:
                continue
            before = next((t for t in now if t.target in later.sources), None)
            # A step nobody may take after their own (approving what one proposed) is left out.
            if before is None or later.not_by_proposer or not self.permitted(obj, later, user):
                continue
            hint = f"Cần “{before.label}” trước."
            steps.append(NextStep(later, False, f"{hint} {later.hint}".strip()))
        return steps

    def apply(self, obj, action: str, user, comment: str = "", changes: dict | None = None, data: dict | None = None):
        """Take the transition and return the saved record, or raise PermissionDenied/ValidationError.

        `changes` are field values set together with the new state (e.g. the recognition decision).
        """
        transition = self.get(action)
        comment = (comment or "").strip()
        if transition.requires_comment and not comment:
            raise ValidationError({"comment": f"Cần ghi rõ lý do khi “{transition.label}”."})
        with transaction.atomic():
            # Re-read under the write lock: two reviewers clicking at once cannot both succeed.
            fresh = type(obj)._default_manager.select_for_update().get(pk=obj.pk)
            if getattr(fresh, self.state_field) != getattr(obj, self.state_field):
                raise ValidationError("Hồ sơ vừa được người khác xử lý; vui lòng tải lại trang.")
            reason = self.refusal(fresh, transition, user)
            if reason:
                raise PermissionDenied(reason)
            source = getattr(fresh, self.state_field)
            for name, value in (changes or {}).items():
                setattr(fresh, name, value)
            setattr(fresh, self.state_field, transition.target)
            fresh.save()
            self.record(fresh, transition, source, user, comment, data)
        # Keep the caller's instance in step with what was saved.
        for name, value in (changes or {}).items():
            setattr(obj, name, value)
        setattr(obj, self.state_field, transition.target)
        return fresh

    def record(self, obj, transition: Transition, source: str, user, comment: str, data: dict | None) -> WorkflowStep:
        return WorkflowStep.objects.create(
            content_type=ContentType.objects.get_for_model(type(obj)),
            object_id=str(obj.pk),
            unit_id=obj.unit_id,
            action=transition.action,
            action_label=transition.label,
            from_state=source,
            to_state=transition.target,
            actor=user,
            actor_name=display_name(user),
            comment=comment,
            data=data or {},
        )


def timeline(obj, user) -> list[WorkflowStep]:
    return list(
        WorkflowStep.objects.restrict(user)
        .filter(content_type=ContentType.objects.get_for_model(type(obj)), object_id=str(obj.pk))
        .order_by("timestamp", "id")
    )
