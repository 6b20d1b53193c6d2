"""The window's body, built and laid out: the calendar and the accounts on the left, the filter bar
and the queue (or an empty page) in the middle, the post's details on the right, in one splitter.

Only construction: the parts are set on the window under the names the rest of it (and the tests)
use; the window connects what the queue, the view and the details say. The texts keep the
"MainWindow" context they were translated in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QSplitter, QStackedWidget, QVBoxLayout, QWidget

from desktop_publisher.gui.widgets.calendar_view import CalendarView
from desktop_publisher.gui.widgets.details_pane import DetailsPane
from desktop_publisher.gui.widgets.queue_model import Column, QueueModel
from desktop_publisher.gui.widgets.queue_view import QueueView
from desktop_publisher.gui.window.accounts_sidebar import AccountsSidebar
from desktop_publisher.gui.window.empty_pages import empty_page
from desktop_publisher.gui.window.filter_bar import FilterBar

if TYPE_CHECKING:
    from desktop_publisher.gui.window.main_window import MainWindow


def build_centre(window: MainWindow) -> None:
    """Make the body's parts (as `window`'s attributes) and set it as the central widget."""
    window.calendar = CalendarView(window.db, window)
    window.sidebar = AccountsSidebar(window, window.apply_filter)
    window.accounts_list = window.sidebar.list
    left = QWidget(window)
    left_layout = QVBoxLayout(left)
    left_layout.setContentsMargins(8, 6, 4, 6)
    left_layout.addWidget(window.calendar)
    left_layout.addSpacing(8)
    left_layout.addWidget(window.sidebar.title)
    left_layout.addWidget(window.accounts_list, 1)

    centre = _build_queue(window)

    window.details = DetailsPane(window)
    splitter = QSplitter(Qt.Orientation.Horizontal, window)
    splitter.addWidget(left)
    splitter.addWidget(centre)
    splitter.addWidget(window.details)
    splitter.setStretchFactor(0, 0)
    splitter.setStretchFactor(1, 1)
    splitter.setStretchFactor(2, 0)
    splitter.setCollapsible(1, False)
    splitter.setSizes([280, 720, 280])
    window.splitter = splitter
    window.setCentralWidget(splitter)


def _build_queue(window: MainWindow) -> QWidget:
    """What range and which posts, then the queue (or an empty state)."""
    filters = FilterBar(
        window,
        window.calendar,
        window.actions_part.range_actions(),
        window.search,
        window.sidebar,
        window.apply_filter,
    )
    window.filters = filters
    window.range_label = filters.range_label
    window.status_combo, window.platform_combo = filters.status_combo, filters.platform_combo
    window.filter_bar = filters.widget

    window.model = QueueModel(window.db, window)
    window.view = QueueView(window)
    window.view.setModel(window.model)
    header = window.view.horizontalHeader()
    header.setSortIndicatorShown(True)
    header.setSortIndicator(Column.TIME, Qt.SortOrder.AscendingOrder)

    window.stack = QStackedWidget(window)
    window.stack.addWidget(window.view)
    window.no_match_page = empty_page(
        window,
        QCoreApplication.translate("MainWindow", "No posts here"),
        QCoreApplication.translate("MainWindow", "Nothing matches the range and filters above."),
        [(QCoreApplication.translate("MainWindow", "Show all posts"), filters.clear)],
    )
    window.no_accounts_page = empty_page(
        window,
        QCoreApplication.translate("MainWindow", "Connect an account to start"),
        QCoreApplication.translate(
            "MainWindow",
            "Desktop Publisher publishes to LinkedIn, Facebook Pages, Instagram and WordPress "
            "from this computer. Connect the first account: its secret is kept in the "
            "system keyring, never in a file. If you used the environment variables of the "
            "earlier publishing service, import them.",
        ),
        [
            (
                QCoreApplication.translate("MainWindow", "Connect an account…"),
                window.dialogs.open_accounts,
            ),
            (
                QCoreApplication.translate("MainWindow", "Import from environment…"),
                window.dialogs.import_from_environment,
            ),
        ],
    )
    window.no_posts_page = empty_page(
        window,
        QCoreApplication.translate("MainWindow", "Nothing scheduled yet"),
        QCoreApplication.translate(
            "MainWindow",
            "Write a post once, adapt it for each platform, and pick when it goes out. "
            "It is published on time while Desktop Publisher runs.",
        ),
        [
            (
                QCoreApplication.translate("MainWindow", "Write your first post…"),
                window.dialogs.new_post,
            )
        ],
    )
    for page in (window.no_match_page, window.no_accounts_page, window.no_posts_page):
        window.stack.addWidget(page)
    centre = QWidget(window)
    centre_layout = QVBoxLayout(centre)
    centre_layout.setContentsMargins(0, 2, 0, 0)
    centre_layout.setSpacing(0)
    centre_layout.addWidget(window.filter_bar)
    centre_layout.addWidget(window.range_label)
    centre_layout.addWidget(window.stack, 1)
    return centre
