"""One platform's version of the post: its text with a live counter, title (where the platform has
one), link and images, each with the rule it breaks written under it.

A field follows the base content until the user changes it here; "Use the base version" makes
every field follow again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QSize, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_publisher.gui.dialogs.editor_media import DropRouter, MediaStrip
from desktop_publisher.gui.infra.jobs import Jobs
from desktop_publisher.gui.text.fill import fill
from desktop_publisher.gui.text.problems import (
    ProblemLabel,
    error_colour,
    problem_text,
    set_text_colour,
)
from desktop_publisher.platforms.base import HASHTAG, MENTION, PostVariant, Problem, Publisher

FIELDS = ("text", "title", "link", "media")
# Platform extras the editor has a field for; each platform names the ones it uses
# (Publisher.extra_fields). Lists are typed comma-separated.
LIST_EXTRAS = ("categories", "tags")


def extra_text(value: object) -> str:
    """An extra's stored value as the field shows it."""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


def extra_value(key: str, text: str) -> object:
    """The field's text as the value a platform reads; None when empty."""
    if key in LIST_EXTRAS:
        names = [part.strip() for part in text.split(",")]
        return [name for name in names if name] or None
    return text.strip() or None


def field_name(name: str) -> str:
    """A Problem's field as the user sees it next to the widget."""
    return {
        "text": QCoreApplication.translate("PostEditor", "Text"),
        "title": QCoreApplication.translate("PostEditor", "Title"),
        "link": QCoreApplication.translate("PostEditor", "Link"),
        "media": QCoreApplication.translate("PostEditor", "Images"),
        "alt": QCoreApplication.translate("PostEditor", "Alt text"),
        "excerpt": QCoreApplication.translate("PostEditor", "Excerpt"),
        "categories": QCoreApplication.translate("PostEditor", "Categories"),
        "tags": QCoreApplication.translate("PostEditor", "Tags"),
    }.get(name, name.capitalize())


def number(n: int) -> str:
    """'2 140' / '2,140' as the locale groups digits."""
    return QLocale().toString(n)


class CompactTextEdit(QPlainTextEdit):
    """A text field that asks for a few lines, not Qt's default half a screen: the rules and
    images below it stay in view."""

    def sizeHint(self) -> QSize:  # noqa: N802
        line = self.fontMetrics().lineSpacing()
        return QSize(400, line * 5 + 2 * self.frameWidth() + 8)


class VariantPane(QWidget):
    """The variant for one platform. `changed` fires on any edit the user makes here."""

    changed = Signal()

    def __init__(
        self,
        platform_cls: type[Publisher],
        jobs: Jobs,
        base: Callable[[], PostVariant],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.cls = platform_cls
        self.platform = platform_cls.platform
        self.base = base
        self.follows: set[str] = set(FIELDS)
        # Platform extras (WordPress categories, alt text…): the ones this platform reads have a
        # field below; any other key (set from the command line) is kept as it is.
        self.extra: dict = {}
        self._applying = False
        limits = platform_cls.limits
        self.has_title = limits.title_required or limits.max_title is not None

        self.accounts_label = QLabel(self)
        self.accounts_label.setWordWrap(True)
        self.follow_label = QLabel(self)
        self.follow_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.reset_button = QPushButton(self.tr("Use the base version"), self)
        self.reset_button.setToolTip(
            self.tr("Replace this version's text, title, link and images with the base post's")
        )
        self.reset_button.clicked.connect(self.reset_to_base)
        header = QHBoxLayout()
        header.addWidget(self.accounts_label, 1)
        header.addWidget(self.follow_label)
        header.addWidget(self.reset_button)

        self.title_edit = QLineEdit(self)
        self.title_edit.setAccessibleName(fill(self.tr("%1 title"), platform_cls.label))
        self.title_edit.setPlaceholderText(
            fill(self.tr("Title of the %1 post"), platform_cls.label)
        )
        self.title_edit.textEdited.connect(lambda _t: self._edited("title"))
        self.title_problem = ProblemLabel(self)

        self.text_edit = CompactTextEdit(self)
        self.text_edit.setAccessibleName(fill(self.tr("%1 text"), platform_cls.label))
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setMinimumHeight(90)
        self.text_edit.textChanged.connect(lambda: self._edited("text"))
        self.counter = QLabel(self)
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.counter.setAccessibleName(self.tr("Characters"))
        self._counter_tip = fill(self.tr("Counted the way %1 counts"), self.cls.label)
        self.counter.setToolTip(self._counter_tip)
        self.text_problem = ProblemLabel(self)

        self.link_edit = QLineEdit(self)
        self.link_edit.setAccessibleName(fill(self.tr("%1 link"), platform_cls.label))
        self.link_edit.setPlaceholderText("https://…")
        self.link_edit.textEdited.connect(lambda _t: self._edited("link"))
        self.link_problem = ProblemLabel(self)

        self.media = MediaStrip(jobs, self)
        self.media.changed.connect(lambda: self._edited("media"))
        if limits.max_media > 0:
            # An image dropped on this version's text joins this version's images.
            self.text_drops = DropRouter(self.media.add, self, images_only=True)
            self.text_drops.watch(self.text_edit.viewport())
        self.media_problem = ProblemLabel(self)
        self.media_hint = QLabel(self._media_rule(), self)
        self.media_hint.setWordWrap(True)
        self.media_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.extra_edits: dict[str, QLineEdit] = {}
        self.extra_problems: dict[str, ProblemLabel] = {}
        placeholders = {
            "excerpt": self.tr("A short summary for lists and feeds (optional)"),
            "categories": self.tr("News, Autumn — separated by commas; created when missing"),
            "tags": self.tr("wool, care — separated by commas; created when missing"),
            "alt": self.tr("What the images show, for people who cannot see them"),
        }
        for key in platform_cls.extra_fields:
            edit = QLineEdit(self)
            edit.setAccessibleName(f"{platform_cls.label} {field_name(key).lower()}")
            edit.setPlaceholderText(placeholders.get(key, ""))
            edit.textEdited.connect(lambda text, key=key: self._extra_edited(key, text))
            self.extra_edits[key] = edit
            self.extra_problems[key] = ProblemLabel(self)

        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(4)
        row = 0

        def add(label: str, widget: QWidget, *below: QWidget) -> None:
            nonlocal row
            caption = QLabel(label, self)
            caption.setBuddy(widget)
            grid.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            grid.addWidget(widget, row, 1)
            row += 1
            for extra in below:
                grid.addWidget(extra, row, 1)
                row += 1

        if self.has_title:
            add(self.tr("&Title:"), self.title_edit, self.title_problem)
        else:
            self.title_edit.hide()
        text_under = QHBoxLayout()
        text_under.addWidget(self.text_problem, 1)
        text_under.addWidget(self.counter, 0, Qt.AlignmentFlag.AlignTop)
        under = QWidget(self)
        under.setLayout(text_under)
        text_under.setContentsMargins(0, 0, 0, 0)
        add(self.tr("Te&xt:"), self.text_edit, under)
        grid.setRowStretch(row - 2, 1)
        add(self.tr("&Link:"), self.link_edit, self.link_problem)
        if limits.max_media > 0:
            add(self.tr("Images:"), self.media, self.media_hint, self.media_problem)
        else:
            add(self.tr("Images:"), self.media_hint, self.media_problem)
            self.media.hide()

        captions = {
            "excerpt": self.tr("Excer&pt:"),
            "categories": self.tr("Cate&gories:"),
            "tags": self.tr("T&ags:"),
            "alt": self.tr("Alt t&ext:"),
        }
        for key, edit in self.extra_edits.items():
            add(captions.get(key, field_name(key) + ":"), edit, self.extra_problems[key])

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(grid, 1)
        self.apply_base()

    # --- values ---------------------------------------------------------------------------
    def variant(self) -> PostVariant:
        base = self.base()
        return PostVariant(
            text=self.text_edit.toPlainText(),
            title=(self.title_edit.text() if self.has_title else base.title) or None,
            link=self.link_edit.text().strip() or None,
            media=self.media.media() if self.cls.limits.max_media > 0 else [],
            extra=dict(self.extra),
        )

    def set_variant(self, variant: PostVariant) -> None:
        """Load a saved variant; fields equal to the base keep following it."""
        base = self.base()
        self.extra = dict(variant.extra or {})
        self._applying = True
        try:
            for key, edit in self.extra_edits.items():
                edit.setText(extra_text(self.extra.get(key)))
            self.text_edit.setPlainText(variant.text or "")
            self.title_edit.setText(variant.title or "")
            self.link_edit.setText(variant.link or "")
            self.media.set_media(list(variant.media))
        finally:
            self._applying = False
        self.follows = {
            name
            for name, mine, theirs in (
                ("text", variant.text or "", base.text or ""),
                ("title", variant.title or "", base.title or ""),
                ("link", variant.link or "", base.link or ""),
                ("media", list(variant.media), list(base.media)),
            )
            if mine == theirs
        }
        if not self.has_title:
            self.follows.add("title")
        if self.cls.limits.max_media == 0:
            self.follows.add("media")
        self._update_follow_label()

    def apply_base(self) -> None:
        """Copy the base into every field that still follows it."""
        base = self.base()
        self._applying = True
        try:
            if "text" in self.follows and self.text_edit.toPlainText() != base.text:
                self.text_edit.setPlainText(base.text or "")
            if "title" in self.follows and self.title_edit.text() != (base.title or ""):
                self.title_edit.setText(base.title or "")
            if "link" in self.follows and self.link_edit.text() != (base.link or ""):
                self.link_edit.setText(base.link or "")
            if "media" in self.follows:
                self.media.set_media(list(base.media))
        finally:
            self._applying = False
        self._update_follow_label()

    def reset_to_base(self) -> None:
        self.follows = set(FIELDS)
        self.apply_base()
        self.changed.emit()

    def set_accounts(self, names: list[str]) -> None:
        self.accounts_label.setText(
            fill(self.tr("Posted to: %1"), ", ".join(names)) if names else ""
        )

    # --- validation -----------------------------------------------------------------------
    def validate(self, media_host: bool) -> list[Problem]:
        """Check against the platform's rules, show each problem under its field, update the
        counter; returns the problems."""
        variant = self.variant()
        problems = self.cls.validate(variant, media_host)
        by_field: dict[str, list[str]] = {}
        for problem in problems:
            by_field.setdefault(problem.field, []).append(problem_text(problem))
        self.text_problem.show_messages(by_field.pop("text", []))
        self.title_problem.show_messages(by_field.pop("title", []))
        self.link_problem.show_messages(by_field.pop("link", []))
        for key, label in self.extra_problems.items():
            label.show_messages(by_field.pop(key, []))
        # Anything else (a platform's own rule) is shown with the images, the last field.
        rest = by_field.pop("media", []) + [m for ms in by_field.values() for m in ms]
        self.media_problem.show_messages(rest)
        # What the platform counts: some send the link inside the text (Instagram's caption).
        self._update_counter(self.cls.text_as_sent(variant))
        return problems

    def _update_counter(self, text: str) -> None:
        limits = self.cls.limits
        count = self.cls.count_text(text)
        parts = []
        over = False
        explained = self._counter_tip
        if limits.max_text is not None:
            parts.append(f"{number(count)} / {number(limits.max_text)}")
            over = count > limits.max_text
            if count != len(text):
                # The platform counts emoji (LinkedIn: escaped characters too) as more than one:
                # said, so a count above what the user sees is no riddle. Over the limit, the
                # rule under the text says it (validate() reports it); the tooltip always does.
                if not over:
                    parts.append(self.tr("some characters count as more than one"))
                rule = Problem(
                    "text",
                    self.cls.too_long_counted,
                    {"platform": self.cls.label, "limit": limits.max_text, "count": count},
                )
                explained = problem_text(rule)
        else:
            parts.append(fill(self.tr("%1 characters"), number(count)))
        for limit, pattern, shown in (
            (limits.max_hashtags, HASHTAG, self.tr("# %1 / %2")),
            (limits.max_mentions, MENTION, self.tr("@ %1 / %2")),
        ):
            if limit is not None:
                found = len(pattern.findall(text))
                over = over or found > limit
                parts.append(fill(shown, number(found), number(limit)))
        self.counter.setText("  ·  ".join(parts))
        if self.counter.toolTip() != explained:
            self.counter.setToolTip(explained)
        set_text_colour(self.counter, error_colour(self) if over else None)

    def _media_rule(self) -> str:
        limits = self.cls.limits
        label = self.cls.label
        if limits.max_media == 0:
            return fill(self.tr("%1 posts here carry no images."), label)
        kinds = ", ".join(t.split("/")[-1].upper() for t in limits.media_types) or self.tr("any")
        parts = [fill(self.tr("%1: up to %n image(s) (%2)", "", limits.max_media), label, kinds)]
        if limits.max_media_bytes:
            parts.append(fill(self.tr("at most %1 MB each"), f"{limits.max_media_bytes / 1e6:g}"))
        if limits.min_media:
            parts.append(fill(self.tr("at least %1 needed"), str(limits.min_media)))
        return ", ".join(parts) + "."

    # --- internals ------------------------------------------------------------------------
    def _extra_edited(self, key: str, text: str) -> None:
        value = extra_value(key, text)
        if value is None:
            self.extra.pop(key, None)
        else:
            self.extra[key] = value
        self.changed.emit()

    def _edited(self, name: str) -> None:
        if self._applying:
            return
        self.follows.discard(name)
        self._update_follow_label()
        self.changed.emit()

    def _update_follow_label(self) -> None:
        shown = set(FIELDS)
        if not self.has_title:
            shown.discard("title")
        if self.cls.limits.max_media == 0:
            shown.discard("media")
        own = shown - self.follows
        if not own:
            self.follow_label.setText(self.tr("Same as the base post"))
        else:
            names = ", ".join(field_name(f).lower() for f in FIELDS if f in own)
            self.follow_label.setText(fill(self.tr("Own %1"), names))
        self.reset_button.setEnabled(bool(own))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.changed.emit()  # the editor re-validates: colours follow the new palette
