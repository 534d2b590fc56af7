"""A proposal's and a decision's history hold their parts' changes (ChangeLogEntry.parent_*): the recipients
added, changed, moved into a decision and out of it, and the proposals attached and detached."""

import datetime as dt

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType

from danvan.awards import services
from danvan.awards.models import Decision, Proposal, Recipient
from danvan.awards.tests.conftest import ACHIEVEMENT, approved_proposal, collective, individual
from danvan.core import changelog
from danvan.core.models import ChangeLogEntry

pytestmark = pytest.mark.django_db


def seen(record, user) -> list[tuple[str, str, str]]:
    """(model, action, changed fields) of the record's history, oldest first."""
    entries = changelog.entries_with_parts(record, user).select_related("content_type").order_by("id")
    return [(e.content_type.model, e.action, ",".join(e.changed_fields)) for e in entries]


@pytest.fixture
def moved(world):
    """A proposal of two recipients, attached to a draft decision, one recipient edited there, then detached."""
    cast = world.cast
    proposal = approved_proposal(world, cast.c1, cast.c1_officer, cast.d1_reviewer,
                                 recipients=[collective(cast.c1), individual(cast.c1, "Lê Mai")])  # fmt: skip
    decision = services.new_decision(world.giay_khen, 2024, dt.date(2024, 12, 20))
    decision.achievement = ACHIEVEMENT
    decision = services.create_decision(cast.admin, decision)
    services.attach_proposals(cast.admin, decision, [proposal])
    person = Recipient.objects.get(proposal=proposal, name="Lê Mai")
    person.position = "Trưởng ấp"
    services.save_decision_recipient(cast.admin, decision, person)
    services.detach_proposal(cast.admin, decision, Proposal.objects.get(pk=proposal.pk))
    return proposal, decision


def test_the_decision_shows_its_recipients_moving_in_changing_and_out_and_its_proposals(world, moved):
    _, decision = moved
    history = seen(decision, world.cast.admin)
    assert history[0][:2] == ("decision", "create")
    parts = history[1:]
    moves = [("recipient", "update", "decision_id")] * 2
    attach = [("proposal", "update", "decision_id")]
    # both recipients moved in with their proposal, one changed there, both moved out with it
    assert parts == moves + attach + [("recipient", "update", "position")] + moves + attach


def test_the_proposal_shows_its_recipients_before_and_after_the_decision(world, moved):
    proposal, _ = moved
    history = seen(proposal, world.cast.admin)
    assert [h[:2] for h in history if h[0] == "recipient"] == [("recipient", "create")] * 2
    assert ("proposal", "update", "decision_id") in history  # its own changes stay with it


def test_the_history_is_scoped(world, moved):
    proposal, decision = moved
    assert seen(proposal, world.cast.c2_officer) == []
    # The commune sees its own recipients and proposal in the province's decision, not the decision itself.
    assert {h[0] for h in seen(decision, world.cast.c1_officer)} == {"recipient", "proposal"}
    assert {h[0] for h in seen(decision, world.cast.admin)} == {"decision", "recipient", "proposal"}


def test_the_migration_fills_the_parents_of_entries_logged_before_them(world, moved):
    recorded = sorted(ChangeLogEntry.objects.values_list("id", "parent_type_id", "parent_id"))
    assert sum(1 for _, parent_type, _ in recorded if parent_type) >= 9
    ChangeLogEntry.objects.update(parent_type=None, parent_id="")
    changelog.parent_backfill("awards", {"Proposal": ("decision",), "Recipient": ("decision", "proposal")})(apps, None)
    assert sorted(ChangeLogEntry.objects.values_list("id", "parent_type_id", "parent_id")) == recorded


def test_a_part_names_the_record_it_was_taken_out_of(world, moved):
    proposal, decision = moved
    decision_type = ContentType.objects.get_for_model(Decision)
    out = ChangeLogEntry.objects.filter(content_type__model="proposal", object_id=str(proposal.pk)).latest("id")
    assert (out.before, out.after) == ({"decision_id": decision.pk}, {"decision_id": None})
    assert (out.parent_type, out.parent_id) == (decision_type, str(decision.pk))


def test_the_decision_page_names_each_part_in_its_history(world, moved, client):
    """The rows of the history table on the decision's page say which part changed, by kind and name."""
    from html.parser import HTMLParser

    proposal, decision = moved

    class Rows(HTMLParser):
        def __init__(self):
            super().__init__()
            self.inside, self.rows = False, []

        def handle_starttag(self, tag, attrs):
            if tag == "div" and ("id", "lich-su") in attrs:
                self.inside = True
            elif self.inside and tag == "tr":
                self.rows.append("")

        def handle_data(self, data):
            if self.inside and self.rows:
                self.rows[-1] += data

    client.force_login(world.cast.admin)
    page = client.get(decision.get_absolute_url())
    assert page.status_code == 200
    parser = Rows()
    parser.feed(page.content.decode())
    rows = parser.rows[1:]  # the header row first
    person = Recipient.objects.get(proposal=proposal, name="Lê Mai")
    assert sum(f"Tờ trình đề nghị khen thưởng: {proposal}" in row for row in rows) == 2  # attached, detached
    assert sum(f"Tập thể, cá nhân được khen thưởng: {person}" in row for row in rows) == 3  # in, changed, out
    own = [row for row in rows if "Tờ trình đề nghị" not in row and "Tập thể, cá nhân được" not in row]
    assert len(own) == 1 and "Tạo mới" in own[0]  # the decision's own creation names no part
