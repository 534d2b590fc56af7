"""Every change in the opinion app: items and collaborators (`items`), citizen reception and dialogues
(`meetings`). The item services are re-exported here, as callers have always used them."""

from danvan.opinion.services.items import (  # noqa: F401
    WORKFLOW,
    attach,
    may_change,
    merge,
    remove_file,
    save_collaborator,
    save_item,
    take_step,
    today,
    unmerge,
)
