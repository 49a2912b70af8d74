"""Which pages exist and which roles may open them. A page not handed to the router for a role
cannot be reached by that role, not even by typing its URL.

Page scripts live in ``views/``, not ``pages/``: Streamlit would also serve a ``pages/`` folder by
its own file-name routing, outside this module's control.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PAGES_DIR = Path(__file__).parent / "views"

CO_ORDINATOR = "co-ordinator"
LIAISON = "liaison"
STAKEHOLDER = "stakeholder"
ADMIN = "admin"


@dataclass(frozen=True)
class PageSpec:
    file: str
    title: str
    url_path: str
    icon: str
    section: str
    roles: frozenset[str]

    @property
    def path(self) -> Path:
        return PAGES_DIR / self.file


PAGES: tuple[PageSpec, ...] = (
    PageSpec(
        "overview.py",
        "Overview",
        "overview",
        ":material/dashboard:",
        "Program",
        frozenset({CO_ORDINATOR, LIAISON, STAKEHOLDER, ADMIN}),
    ),
    PageSpec(
        "trends.py",
        "Trends",
        "trends",
        ":material/insights:",
        "Program",
        frozenset({CO_ORDINATOR, LIAISON, STAKEHOLDER}),
    ),
    PageSpec(
        "intake.py",
        "New report",
        "new-report",
        ":material/edit_note:",
        "Reports and aggressors",
        frozenset({CO_ORDINATOR}),
    ),
    PageSpec(
        "inbox.py",
        "Inbox",
        "inbox",
        ":material/inbox:",
        "Reports and aggressors",
        frozenset({CO_ORDINATOR}),
    ),
    PageSpec(
        "search.py",
        "Search",
        "search",
        ":material/search:",
        "Reports and aggressors",
        frozenset({CO_ORDINATOR, LIAISON}),
    ),
    PageSpec(
        "review.py",
        "Review links",
        "review",
        ":material/compare_arrows:",
        "Reports and aggressors",
        frozenset({CO_ORDINATOR}),
    ),
    PageSpec(
        "profile.py",
        "Aggressor profile",
        "aggressor",
        ":material/person_search:",
        "Reports and aggressors",
        frozenset({CO_ORDINATOR, LIAISON}),
    ),
    PageSpec(
        "sheet.py",
        "Sheet",
        "sheet",
        ":material/description:",
        "Reports and aggressors",
        frozenset({CO_ORDINATOR}),
    ),
    PageSpec(
        "queue.py",
        "Priority queue",
        "queue",
        ":material/format_list_numbered:",
        "Investigations",
        frozenset({CO_ORDINATOR, LIAISON}),
    ),
    PageSpec(
        "case.py",
        "Case",
        "case",
        ":material/folder_open:",
        "Investigations",
        frozenset({CO_ORDINATOR, LIAISON}),
    ),
    PageSpec(
        "admin.py",
        "Admin",
        "admin",
        ":material/admin_panel_settings:",
        "Administration",
        frozenset({CO_ORDINATOR, ADMIN}),
    ),
)


def pages_for(role: str) -> tuple[PageSpec, ...]:
    """The pages a role may open, in menu order; an unknown role gets none."""
    return tuple(page for page in PAGES if role in page.roles and page.path.is_file())
