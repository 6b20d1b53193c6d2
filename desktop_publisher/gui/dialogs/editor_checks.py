"""The editor's checks: each platform's rules, the accounts and the time, shown by their fields
and summed up above the buttons; "Schedule" is enabled only when nothing is left.

A part of PostEditor (dialogs/editor.py), kept apart for its size. Its texts keep the
"PostEditor" catalogue context, each written out as `QCoreApplication.translate("PostEditor",
…)`: the catalogue tool finds only calls it knows, never a helper wrapping them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from desktop_publisher.gui.dialogs.editor_variant import field_name
from desktop_publisher.gui.infra import icons
from desktop_publisher.gui.text import timefmt
from desktop_publisher.gui.text.fill import fill
from desktop_publisher.gui.text.problems import (
    error_colour,
    problem_text,
    set_text_colour,
    warning_colour,
)
from desktop_publisher.when import resolve_local

if TYPE_CHECKING:
    from desktop_publisher.gui.dialogs.editor_variant import VariantPane

SUMMARY_LINES = 3
SUMMARY_CHARS = 110


class EditorChecks:
    """Mixed into PostEditor, which has the widgets and the state these read."""

    _loading: bool
    problems: list[str]
    media_host: bool
    zone: Any
    tabs: Any
    zone_label: Any
    time_note: Any
    summary: Any
    summary_icon: Any
    schedule_button: Any
    _warning_icon: Any

    def checked_account_ids(self) -> list[int]:
        raise NotImplementedError  # PostEditor's

    def pane_at(self, index: int) -> VariantPane:
        raise NotImplementedError  # PostEditor's

    def wall_time(self) -> datetime:
        raise NotImplementedError  # PostEditor's

    def revalidate(self) -> list[str]:
        """Check everything; show each problem by its field and in the summary; enable Schedule
        only when nothing is left."""
        if self._loading:
            return self.problems
        problems: list[str] = []
        if not self.checked_account_ids():
            problems.append(
                QCoreApplication.translate(
                    "PostEditor", "Accounts: choose at least one account to post to."
                )
            )
        for index in range(self.tabs.count()):
            pane = self.pane_at(index)
            found = pane.validate(self.media_host)
            lines = [
                fill(
                    QCoreApplication.translate("PostEditor", "%1 · %2: %3"),
                    pane.cls.label,
                    field_name(p.field),
                    problem_text(p),
                )
                for p in found
            ]
            problems += lines
            self.tabs.setTabIcon(
                index, self._warning_icon if found else icons.platform_icon(pane.platform)
            )
            self.tabs.setTabToolTip(index, "\n".join(lines))
        time_problem = self._check_time()
        if time_problem:
            problems.append(time_problem)
        self.problems = problems
        self._show_summary()
        return problems

    def _check_time(self) -> str | None:
        """Shows the zone and any note on the time; returns the problem that blocks scheduling."""
        wall = self.wall_time()
        moment, oddity = resolve_local(wall, self.zone)
        local = moment.astimezone(self.zone)
        self.zone_label.setText(
            fill(
                QCoreApplication.translate("PostEditor", "%1 (%2)"),
                timefmt.zone_name(self.zone),
                local.tzname() or "",
            )
        )
        problem = None
        note = None
        if oddity == "missing":
            problem = QCoreApplication.translate(
                "PostEditor",
                "Time: %1 does not exist on %2 in %3 (the clocks skip it at a daylight saving "
                "change); choose another time.",
            )
            problem = fill(
                problem,
                f"{wall:%H:%M}",
                timefmt.day_short(wall.date()),
                timefmt.zone_name(self.zone),
            )
        elif moment < datetime.now(UTC) - timefmt.PAST_SLACK:
            problem = fill(
                QCoreApplication.translate(
                    "PostEditor", "Time: %1 is in the past; choose a later time."
                ),
                timefmt.when(moment),
            )
        elif oddity == "ambiguous":
            note = QCoreApplication.translate(
                "PostEditor",
                "%1 happens twice that night (the clocks go back); the first one (%2) is used.",
            )
            note = fill(note, f"{wall:%H:%M}", local.tzname() or "")
        if problem or note:
            colour = error_colour(self) if problem else warning_colour(self)
            self.time_note.setText(problem or note or "")
            set_text_colour(self.time_note, colour)
            self.time_note.show()
        else:
            self.time_note.hide()
        return problem

    def _show_summary(self, message: str | None = None) -> None:
        if message:
            text = message
        elif self.problems:
            # A few short lines: the full rules are under their fields and on hover.
            shown = [_short(p) for p in self.problems[:SUMMARY_LINES]]
            more = len(self.problems) - len(shown)
            text = (
                QCoreApplication.translate("PostEditor", "Before scheduling, fix:")
                + "\n"
                + "\n".join(f"• {p}" for p in shown)
            )
            if more:
                text += "\n" + QCoreApplication.translate("PostEditor", "… and %n more", "", more)
        else:
            text = ""
        self.summary.setText(text)
        self.summary.setToolTip("\n".join(self.problems) if not message else "")
        set_text_colour(self.summary, error_colour(self) if text else None)
        self.summary.setVisible(bool(text))
        self.summary_icon.setVisible(bool(text))
        blocked = bool(self.problems)
        self.schedule_button.setEnabled(not blocked)
        self.schedule_button.setToolTip(
            "\n".join(self.problems)
            if blocked
            else QCoreApplication.translate("PostEditor", "Schedule the post (Ctrl+Enter)")
        )


def _short(line: str) -> str:
    return line if len(line) <= SUMMARY_CHARS else line[: SUMMARY_CHARS - 1].rstrip() + "…"
