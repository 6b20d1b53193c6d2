"""The right-hand pane: one post in full — where and when, its state, the whole error in plain
words next to the button that fixes it, the text, the media, and the link once it is online."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_publisher.gui.infra import icons
from desktop_publisher.gui.notifications import platform_label
from desktop_publisher.gui.text import statuses, timefmt
from desktop_publisher.gui.text.fill import fill
from desktop_publisher.gui.text.problems import set_text_colour, stored_text
from desktop_publisher.lifecycle import DRAFT, PENDING
from desktop_publisher.store.models import (
    Content,
    ContentVariant,
    FailureKind,
    ScheduledPost,
    Status,
)
from desktop_publisher.store.queries import QueueRow


class DetailsPane(QScrollArea):
    # "retry", "edit", "reconnect", "reschedule", "publish_now", "delete_draft", "cancel"
    actionRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.row: QueueRow | None = None
        self.opened_urls: list[str] = []  # what the link opened (tests read it)

        body = QWidget(self)
        self.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(8)

        self.placeholder = QLabel(self.tr("Select a post to see its details."), body)
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setForegroundRole(self.placeholder.foregroundRole())
        self.placeholder.setEnabled(False)  # the palette's dimmed text, light or dark

        heading = QHBoxLayout()
        self.platform_icon = QLabel(body)
        self.platform_icon.setFixedSize(24, 24)
        self.heading = QLabel(body)
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.heading.setFont(font)
        heading.addWidget(self.platform_icon)
        heading.addWidget(self.heading, 1)

        self.when = QLabel(body)
        self.when.setWordWrap(True)
        self.when.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        status_row = QHBoxLayout()
        self.status_icon = QLabel(body)
        self.status_icon.setFixedSize(16, 16)
        self.status = QLabel(body)
        self.status.setWordWrap(True)
        status_row.addWidget(self.status_icon)
        status_row.addWidget(self.status, 1)
        self.busy = QProgressBar(body)
        self.busy.setRange(0, 0)  # indeterminate: the post is on its way
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(8)

        self.problem = QFrame(body)
        self.problem.setFrameShape(QFrame.Shape.StyledPanel)
        problem_layout = QVBoxLayout(self.problem)
        problem_layout.setContentsMargins(8, 8, 8, 8)
        self.problem_text = QLabel(self.problem)
        self.problem_text.setWordWrap(True)
        self.problem_text.setTextFormat(Qt.TextFormat.RichText)
        self.problem_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem_buttons = QHBoxLayout()
        self.problem_buttons.setContentsMargins(0, 0, 0, 0)
        problem_layout.addWidget(self.problem_text)
        problem_layout.addLayout(self.problem_buttons)

        self.text_title = QLabel(body)
        self.text_title.setWordWrap(True)
        bold = self.text_title.font()
        bold.setBold(True)
        self.text_title.setFont(bold)
        self.text = QLabel(body)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.media = QLabel(body)
        self.media.setWordWrap(True)
        self.media.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.link = QLabel(body)
        self.link.setWordWrap(True)
        self.link.setTextFormat(Qt.TextFormat.RichText)
        self.link.setOpenExternalLinks(False)
        self.link.linkActivated.connect(self.open_link)
        self.link.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.actions_row = QHBoxLayout()
        self.actions_row.setContentsMargins(0, 0, 0, 0)

        layout.addWidget(self.placeholder)
        layout.addLayout(heading)
        layout.addWidget(self.when)
        layout.addLayout(status_row)
        layout.addWidget(self.busy)
        layout.addWidget(self.problem)
        layout.addWidget(self.link)
        layout.addLayout(self.actions_row)
        layout.addWidget(self.text_title)
        layout.addWidget(self.text)
        layout.addWidget(self.media)
        layout.addStretch(1)
        self._detail_widgets: list[QWidget] = [
            self.platform_icon,
            self.heading,
            self.when,
            self.status_icon,
            self.status,
            self.busy,
            self.problem,
            self.text_title,
            self.text,
            self.media,
            self.link,
        ]
        self.buttons: dict[str, QPushButton] = {}
        self.show_row(None)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(280, 400)

    # --- showing a row -------------------------------------------------------------------------
    def show_row(self, row: QueueRow | None, busy: bool = False) -> None:
        self.row = row
        self._clear_buttons()
        post = content = None
        if row is not None and row.kind == "post":
            post = ScheduledPost.get_or_none(ScheduledPost.id == row.id)
        elif row is not None and row.kind == DRAFT:
            content = Content.get_or_none(Content.id == row.id)
        if post is None and content is None:
            self.row = None
            for widget in self._detail_widgets:
                widget.hide()
            self.placeholder.show()
            return
        self.placeholder.hide()
        for widget in self._detail_widgets:
            widget.show()
        if post is not None:
            self._show_post(post, busy)
        else:
            assert content is not None
            self._show_draft(content)

    def _show_post(self, post: ScheduledPost, busy: bool) -> None:
        account = post.account
        variant = post.variant
        platform = account.platform
        self.platform_icon.setPixmap(icons.platform_icon(platform).pixmap(24, 24))
        self.heading.setText(f"{platform_label(platform)} · {account.name}")
        zone = timefmt.zone_name()
        if post.status == Status.PUBLISHED and post.published_at:
            when = fill(self.tr("Published %1"), timefmt.when(post.published_at, with_zone=True))
            when += "\n" + fill(
                self.tr("Planned for %1"), timefmt.when(post.publication_date, with_zone=True)
            )
        else:
            when = fill(self.tr("Due %1"), timefmt.when(post.publication_date, with_zone=True))
            if post.status == Status.QUEUED and post.due_at > post.publication_date:
                when += "\n" + fill(
                    self.tr("Next try %1"), timefmt.when(post.due_at, with_zone=True)
                )
        abbreviation = timefmt.to_local(post.publication_date).tzname() or ""
        self.when.setText(when if zone.endswith(abbreviation) else f"{when}\n{zone}")
        status = Status.PUBLISHING.value if busy else post.status
        self._set_status(status, post.attempts)
        self.busy.setVisible(busy or post.status == Status.PUBLISHING)

        self._show_problem(post, busy)

        self.text_title.setText(variant.title or "")
        self.text_title.setVisible(bool(variant.title))
        self.text.setText(variant.text or "")
        media = list(variant.media or [])
        lines = [self.tr("Media:")] + [f"• {Path(m).name or m}" for m in media]
        self.media.setText("\n".join(lines))
        self.media.setVisible(bool(media))
        links = []
        if post.url:
            links.append(
                f"<a href='{html.escape(post.url, quote=True)}'>"
                f"{html.escape(self.tr('Open the published post'))} ↗</a>"
                f"<br><small>{html.escape(post.url)}</small>"
            )
        if variant.link:
            links.append(
                f"{html.escape(self.tr('Link in the post:'))} "
                f"<a href='{html.escape(variant.link, quote=True)}'>"
                f"{html.escape(variant.link)}</a>"
            )
        self.link.setText("<br>".join(links))
        self.link.setVisible(bool(links))

        actions = []
        if post.status in PENDING and not busy:
            actions = [("publish_now", self.tr("Publish now")), ("edit", self.tr("Edit…"))]
        elif post.status == Status.CANCELLED:
            actions = [("reschedule", self.tr("Reschedule…"))]
        for name, text in actions:
            self._add_button(self.actions_row, name, text)

    def _show_problem(self, post: ScheduledPost, busy: bool) -> None:
        kind = post.last_error_kind
        # The failure in the window's language when it was stored with its detail.
        error = stored_text(post.last_error_detail, post.last_error)
        account = post.account.name
        platform = platform_label(post.account.platform)
        fixes: list[tuple[str, str]] = []
        lead = advice = ""
        if busy:
            pass
        elif post.status == Status.NEEDS_CHECK:
            lead = self.tr("Not known whether this post went out.")
            advice = fill(
                self.tr("The connection broke after it was sent. Look at %1 on %2, then say."),
                account,
                platform,
            )
            fixes = [("retry", self.tr("Check and retry…")), ("cancel", self.tr("Cancel post"))]
        elif post.status == Status.FAILED:
            if kind == FailureKind.AUTH:
                lead = fill(self.tr("%1 refused the account's sign-in."), platform)
                advice = fill(self.tr("Reconnect %1, then retry."), account)
                fixes = [("reconnect", self.tr("Reconnect…")), ("retry", self.tr("Retry"))]
            elif kind == FailureKind.INVALID_CONTENT:
                lead = fill(self.tr("%1 refused the content."), platform)
                advice = self.tr("Change the post, then schedule it again.")
                fixes = [("edit", self.tr("Edit…")), ("retry", self.tr("Retry"))]
            elif kind == FailureKind.MISSED:
                lead = self.tr("Missed: the app was not running when it was due.")
                advice = self.tr("Publish it now or choose another time.")
                fixes = [("retry", self.tr("Publish now")), ("reschedule", self.tr("Reschedule…"))]
            else:
                lead = self.tr("Not published.")
                fixes = [("retry", self.tr("Retry")), ("reschedule", self.tr("Reschedule…"))]
        elif post.status == Status.QUEUED and error:
            lead = self.tr("The last attempt did not go through; it will be tried again.")
        if not lead:
            self.problem.hide()
            return
        self.problem.show()
        # The lead in the status's colour, the platform's own words in the normal text colour.
        colour = statuses.colour(post.status, self.palette())
        style = f" style='color:{colour.name()}'" if colour else ""
        parts = [f"<b{style}>{html.escape(lead)}</b>"]
        if advice:
            parts.append(html.escape(advice))
        if error:
            parts.append(html.escape(error).replace("\n", "<br>"))
        # <br> rather than <p>: QLabel measures wrapped paragraphs too short and clips them.
        self.problem_text.setText("<br><br>".join(parts))
        for name, label in fixes:
            self._add_button(self.problem_buttons, name, label)
        self.problem_buttons.addStretch(1)

    def _show_draft(self, content: Content) -> None:
        variants = list(ContentVariant.select().where(ContentVariant.content == content.id))
        platforms = sorted({v.platform for v in variants})
        if platforms:
            self.platform_icon.setPixmap(icons.platform_icon(platforms[0]).pixmap(24, 24))
        else:
            self.platform_icon.setPixmap(statuses.icon(DRAFT).pixmap(24, 24))
        names = ", ".join(platform_label(p) for p in platforms)
        self.heading.setText(self.tr("Draft") + (f" · {names}" if names else ""))
        self.when.setText(fill(self.tr("Last changed %1"), timefmt.when(content.updated_at, True)))
        self._set_status(DRAFT, None)
        self.busy.hide()
        self.problem.hide()
        self.text_title.setText(content.title or "")
        self.text_title.setVisible(bool(content.title))
        self.text.setText(content.text or "")
        media = list(content.media or [])
        self.media.setText(
            "\n".join([self.tr("Media:")] + [f"• {Path(m).name or m}" for m in media])
        )
        self.media.setVisible(bool(media))
        self.link.setText(
            f"{html.escape(self.tr('Link in the post:'))} <a href='"
            f"{html.escape(content.link, quote=True)}'>{html.escape(content.link)}</a>"
            if content.link
            else ""
        )
        self.link.setVisible(bool(content.link))
        self._add_button(self.actions_row, "edit", self.tr("Edit…"))
        self._add_button(self.actions_row, "delete_draft", self.tr("Delete draft"))

    def _set_status(self, status: str, attempts: int | None) -> None:
        self.status_icon.setPixmap(statuses.icon(status).pixmap(16, 16))
        text = statuses.label(status)
        if attempts:
            text += " · " + self.tr("%n attempt(s)", "", attempts)
        self.status.setText(text)
        colour = statuses.colour(status, self.palette())
        set_text_colour(self.status, colour.name() if colour else None)

    # --- buttons -------------------------------------------------------------------------------
    def _add_button(self, layout: QHBoxLayout, name: str, text: str) -> None:
        button = QPushButton(text, self.widget())
        button.clicked.connect(lambda _checked=False, n=name: self.actionRequested.emit(n))
        layout.addWidget(button)
        self.buttons[name] = button

    def _clear_buttons(self) -> None:
        self.buttons.clear()
        for layout in (self.problem_buttons, self.actions_row):
            while layout.count():
                item = layout.takeAt(0)
                widget = item.widget()
                if widget is not None:
                    widget.deleteLater()

    def open_link(self, url: str) -> None:
        self.opened_urls.append(url)
        # Here, not at the top: the types are made on first use, and this is never at start.
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl(url))
