"""The small questions the main window asks about one post: reschedule to when, really cancel,
was a needs-check post published (and where).

The question helpers are module functions, called through the module, so a test can answer them
without a person (or drive the real dialog with QApplication.activeModalWidget()).
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop_publisher.errors import UserError
from desktop_publisher.gui.notifications import platform_label
from desktop_publisher.gui.text import timefmt
from desktop_publisher.gui.text.fill import fill
from desktop_publisher.gui.text.problems import error_text
from desktop_publisher.store.models import ScheduledPost
from desktop_publisher.when import latest, next_full_hour, parse_when, resolve_local

PUBLISHED = "published"
REPUBLISH = "republish"


def confirm(parent: QWidget, title: str, text: str, yes: str, no: str) -> bool:
    """A yes/no question whose buttons say what they do; 'no' is the default."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no_button)
    box.setEscapeButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button


def ask_needs_check(parent: QWidget, post: ScheduledPost) -> str | None:
    """PUBLISHED, REPUBLISH, or None (cancelled)."""
    platform = platform_label(post.account.platform)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("PostDialogs", "Was it published?"))
    box.setText(
        fill(
            QCoreApplication.translate("PostDialogs", "Was this post published on %1? Check %2."),
            platform,
            post.account.name,
        )
    )
    box.setInformativeText(
        fill(
            QCoreApplication.translate(
                "PostDialogs",
                "The connection broke after the post was sent, so Desktop Publisher cannot tell "
                "whether %1 received it. Publishing again when it is already online would post it "
                "twice.",
            ),
            platform,
        )
    )
    published = box.addButton(
        QCoreApplication.translate("PostDialogs", "It was published"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    again = box.addButton(
        QCoreApplication.translate("PostDialogs", "It was not — publish again"),
        QMessageBox.ButtonRole.ActionRole,
    )
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is published:
        return PUBLISHED
    if clicked is again:
        return REPUBLISH
    return None


def ask_published_link(parent: QWidget, post: ScheduledPost) -> tuple[str | None, bool]:
    """(link or None, ok). The link is optional; when given it must be a web address."""
    text = ""
    while True:
        text, ok = QInputDialog.getText(
            parent,
            QCoreApplication.translate("PostDialogs", "Link to the post"),
            fill(
                QCoreApplication.translate(
                    "PostDialogs", "Where is the post on %1? Paste its link (optional):"
                ),
                platform_label(post.account.platform),
            ),
            QLineEdit.EchoMode.Normal,
            text,
        )
        if not ok:
            return None, False
        link = text.strip()
        if not link:
            return None, True
        if link.startswith(("https://", "http://")):
            return link, True
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("PostDialogs", "Link to the post"),
            QCoreApplication.translate(
                "PostDialogs",
                "A link starts with https:// — paste the post's address, or leave it empty.",
            ),
        )


class RescheduleDialog(QDialog):
    """A date and time in the local zone (named), refusing the past and times DST skips."""

    def __init__(self, parent: QWidget | None, post: ScheduledPost) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reschedule"))
        self.setMinimumWidth(360)
        self.post = post
        self.chosen: datetime | None = None

        intro = QLabel(
            fill(
                self.tr("When should the post to %1 on %2 go out?"),
                post.account.name,
                platform_label(post.account.platform),
            ),
            self,
        )
        intro.setWordWrap(True)
        self.edit = QDateTimeEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("ddd d MMM yyyy  HH:mm")
        now = datetime.now(timefmt.zone())
        start = post.publication_date
        if not now < start <= latest(now):
            # Next full hour: a sensible default for a post that is late or failed (or one an
            # older version let through beyond what may be scheduled).
            start = next_full_hour(now)
        start = start.astimezone(timefmt.zone())
        self.edit.setDateTime(_qdatetime(start))
        self.edit.setMinimumDateTime(_qdatetime(now.replace(second=0, microsecond=0)))
        self.edit.setMaximumDateTime(_qdatetime(latest(now)))
        zone = QLabel(
            fill(self.tr("Time zone: %1 (%2)"), timefmt.zone_name(), start.tzname() or ""),
            self,
        )
        zone.setEnabled(False)  # secondary text in the palette's dimmed colour
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Reschedule"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.edit)
        layout.addWidget(zone)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.edit.dateTimeChanged.connect(lambda _dt: self.validate())
        self.validate()

    def value(self) -> datetime:
        """The chosen time as an aware UTC datetime; UserError when it cannot be used."""
        local = self.edit.dateTime().toPython().replace(second=0, microsecond=0)
        moment = parse_when(local.isoformat(timespec="minutes"), field=self.tr("Time"))
        if moment < datetime.now(UTC) - timefmt.PAST_SLACK:
            raise UserError(
                fill(self.tr("%1 is in the past: choose a later time."), timefmt.when(moment))
            )
        return moment

    def validate(self) -> bool:
        try:
            self.value()
        except UserError as exc:
            self.problem.setText(error_text(exc))
            self.problem.show()
            self.ok.setEnabled(False)
            self.ok.setToolTip(error_text(exc))
            return False
        local = self.edit.dateTime().toPython().replace(second=0, microsecond=0)
        early, oddity = resolve_local(local, timefmt.zone())
        if oddity == "ambiguous":
            # Not an error: the clocks go back and this wall time happens twice.
            self.problem.setText(
                fill(
                    self.tr(
                        "%1 happens twice tonight (the clocks go back); the first one is used."
                    ),
                    timefmt.clock(early),
                )
            )
            self.problem.show()
        else:
            self.problem.hide()
        self.ok.setEnabled(True)
        self.ok.setToolTip("")
        return True

    def accept(self) -> None:
        if not self.validate():
            return
        self.chosen = self.value()
        super().accept()


def _qdatetime(moment: datetime) -> QDateTime:
    """A local wall time for QDateTimeEdit (which shows the system's local time)."""
    local = moment.astimezone(timefmt.zone())
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
