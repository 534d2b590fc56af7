"""Demo opinion data for Tây Ninh: the collaborators' registers and the people's opinion from January 2025.

Before the reform of 1/7/2025 the districts (Tây Ninh's and Long An's) and the provincial commission record
what they learn; after it the new communes and the Ban Tuyên giáo và Dân vận Tỉnh ủy. Items come from every
source (collaborators on the unit's register, briefings, receptions, the Front, the press, posts on Facebook,
TikTok...), are forwarded to the body in charge with a deadline, answered, resolved or watched; a few matters
reported several times are merged into one case (scripted in `_cases`), the rest are drawn from `MATTERS`
with a fixed seed, denser in the last twelve months (about 50 a month). Steps falling after today are left out, so a forwarded item whose answer never came is
overdue. Idempotent: nothing is added once the register or the items exist.

Everything is written in bulk (items, their timeline and the creation entries of the change log) after
each item has passed `rules.item_errors` and every step the checks of `services.take_step`.

Citizen reception and dialogues (`Meetings`), from January 2025 to the end of this month, so that each year
of the frequency page is whole: the province committee's day each month (Long An's too until 30/6/2025), two
days a month for each district until 30/6/2025 and each new commune from 1/7/2025, on the unit's own
schedule; a few days missed (cancelled, sometimes made up, or just not held), more in the communes' first
month and in a few weaker communes, so some months fall short; unscheduled days; the demo commune and some
others enter their days ahead. The cases heard (`HEARD`: phản ánh, kiến nghị, khiếu nại, tố cáo) go to the
body in charge with a deadline, most settled with a result, some late, some overdue; some are explained at
the reception itself. Dialogues on the communes' matters (`TALKS`) and scripted ones tied to the items'
cases (Long Thuận's compensation, Tân Hòa's pig farm, Bến Cầu before the reform, the province's on the
two-tier government, one announced ahead). Every record passes the rules of `rules.py`; its history is
logged step by step (put on the schedule, held or cancelled, a case settled, a commitment done). Idempotent
on its own: nothing is added once a reception day or a dialogue exists.
"""

from __future__ import annotations

from danvan.opinion.demo.items import _load_items
from danvan.opinion.demo.meetings import _load_meetings
from danvan.opinion.models import Topic
from danvan.opinion.seed import seed_config


def load(ctx) -> list[str]:
    seed_config(Topic)
    return [_load_items(ctx), _load_meetings(ctx)]
