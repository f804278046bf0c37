"""Milestones of an agreement (seed 002 §2.1, a–e): status with its history, steps (the statute's
stages, with their document versions), evidence linked from other domains, the public progress
page /meilensteine, and the deadline reminders. Builds on `agreements`, never the reverse."""

from ..domains import Domain, NavItem
from ..i18n import _l

DOMAIN = Domain(
    "milestones", navigation=(NavItem("milestones.index", _l("Milestones")),),
    demo=True, my_area=True, dashboard=True, home=True,
)
