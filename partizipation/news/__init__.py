"""The moderated news blog: posts with pictures (consent recorded), video with captions, a
Leichte Sprache version, comments after approval, and Atom feeds."""

from ..domains import Domain, NavItem
from ..i18n import _l

DOMAIN = Domain(
    "news", blueprint="blueprint",
    views=("views", "write_views", "moderation_views"),
    navigation=(NavItem("news.index", _l("News")),),
    demo=True, personal=True, my_area=True, dashboard=True, home=True,
)
