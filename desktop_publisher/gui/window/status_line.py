"""The window's status line: the engine's state (or storage trouble), the next post, the counts
per status (the problems as a link), the posts being published now, the token warnings."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar, QSizePolicy, QToolButton

from desktop_publisher.accounts import EXPIRED, EXPIRES_SOON, TokenWarning
from desktop_publisher.gui.infra import icons
from desktop_publisher.gui.notifications import platform_label
from desktop_publisher.gui.text import statuses, timefmt
from desktop_publisher.gui.text.fill import fill
from desktop_publisher.gui.text.problems import error_colour, storage_text
from desktop_publisher.store.models import Status


class StatusLine(QObject):
    """The widgets at the bottom of `window` and what they show."""

    def __init__(
        self,
        window: QMainWindow,
        show_problems: Callable[[], None],
        open_accounts: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.counts: dict[str, int] = {}
        self.token_warnings: list[TokenWarning] = []
        self.warning_texts: list[str] = []
        bar = window.statusBar()
        bar.setSizeGripEnabled(True)
        self.state_icon = QLabel(window)
        self.line = QLabel(window)
        self.line.setTextFormat(Qt.TextFormat.RichText)
        self.line.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.line.linkActivated.connect(lambda _link: show_problems())
        self.busy_label = QLabel(window)
        self.busy_bar = QProgressBar(window)
        self.busy_bar.setRange(0, 0)  # indeterminate: waiting for the platform's answer
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumWidth(120)
        self.busy_bar.setMaximumHeight(12)
        self.warning_button = QToolButton(window)
        self.warning_button.setAutoRaise(True)
        self.warning_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.warning_button.setIcon(statuses.icon(Status.NEEDS_CHECK))
        self.warning_button.clicked.connect(lambda _checked=False: open_accounts())
        bar.addWidget(self.state_icon)
        bar.addWidget(self.line, 1)
        bar.addPermanentWidget(self.busy_label)
        bar.addPermanentWidget(self.busy_bar)
        bar.addPermanentWidget(self.warning_button)
        self.busy_label.hide()
        self.busy_bar.hide()
        self.warning_button.hide()

    def show(
        self, engine: Any, engine_owner: str | None, storage_trouble: Any, next_due: Any
    ) -> None:
        """Everything at once, with the counts and warnings last read."""
        if engine is None:
            state = (
                fill(
                    QCoreApplication.translate("MainWindow", "Published by another process (%1)"),
                    engine_owner,
                )
                if engine_owner
                else QCoreApplication.translate("MainWindow", "Published by another process")
            )
            state_icon = "tray-normal"
        elif engine.state == "paused":
            state, state_icon = (
                QCoreApplication.translate("MainWindow", "Publishing paused"),
                "tray-paused",
            )
        elif engine.state == "running":
            state, state_icon = (
                QCoreApplication.translate("MainWindow", "Publishing on"),
                "tray-normal",
            )
        else:
            state, state_icon = (
                QCoreApplication.translate("MainWindow", "Publishing offline"),
                "tray-paused",
            )
        trouble = storage_text(storage_trouble)
        if trouble:
            # Before anything else: nothing below happens until this is fixed.
            state_icon = "tray-failed"
            state = f"<b style='color:{error_colour(self.window)}'>{html.escape(trouble)}</b>"
        else:
            state = html.escape(state)
        self.state_icon.setPixmap(icons.icon(state_icon).pixmap(16, 16))
        parts = [state]
        if next_due is not None:
            local = timefmt.to_local(next_due.due_at)
            parts.append(
                fill(
                    QCoreApplication.translate("MainWindow", "next: %1 %2"),
                    timefmt.day_label(local.date()),
                    timefmt.clock(next_due.due_at),
                )
            )
        palette = self.window.palette()
        for status in statuses.ORDER:
            n = self.counts.get(status, 0)
            if not n:
                continue
            text = html.escape(statuses.counted(status, n))
            colour = statuses.colour(status, palette) if status in statuses.PROBLEMS else None
            if colour is not None:
                # A link: one click lists the posts that need attention.
                text = (
                    f"<a href='problems' style='color:{colour.name()}; text-decoration:none'>"
                    f"<b>{text}</b></a>"
                )
            parts.append(text)
        self.line.setText(" · ".join(parts))
        self.line.setToolTip(
            fill(QCoreApplication.translate("MainWindow", "Times are in %1"), timefmt.zone_name())
        )
        warnings = [self.token_warning_text(w) for w in self.token_warnings]
        if warnings:
            more = f" (+{len(warnings) - 1})" if len(warnings) > 1 else ""
            # Elided, so the status line beside it keeps its room; the tooltip has every word.
            metrics = self.window.fontMetrics()
            first = metrics.elidedText(warnings[0], Qt.TextElideMode.ElideRight, 330)
            self.warning_button.setText(first + more)
            self.warning_button.setToolTip("\n".join(warnings))
            self.warning_button.show()
        else:
            self.warning_button.hide()
        self.warning_texts = warnings

    def token_warning_text(self, warning: TokenWarning) -> str:
        day = timefmt.day_medium(timefmt.to_local(warning.expires).date())
        count = warning.count  # (a plain name: the translation tool reads no attribute here)
        if warning.kind == EXPIRED:
            text = QCoreApplication.translate(
                "MainWindow", "The token of %1 (%2) expired on %3: reconnect the account."
            )
        elif warning.kind == EXPIRES_SOON:
            text = QCoreApplication.translate(
                "MainWindow", "The token of %1 (%2) expires in %n day(s), on %3.", "", count
            )
        else:
            text = QCoreApplication.translate(
                "MainWindow",
                "The token of %1 (%2) expires on %3, before %n of its scheduled post(s).",
                "",
                count,
            )
        return fill(text, warning.account, platform_label(warning.platform), day)

    def show_busy(self, publishing: int) -> None:
        """How many posts are being published from this window now."""
        self.busy_label.setText(
            QCoreApplication.translate("MainWindow", "Publishing %n post(s)…", "", publishing)
        )
        self.busy_label.setVisible(publishing > 0)
        self.busy_bar.setVisible(publishing > 0)
