"""Render the main windows of Desktop Publisher with sample data to PNG files in docs/.

    python scripts/screenshots.py [--out docs] [--language pl]

Runs offscreen (no display needed), on a throw-away data dir and an in-memory keyring: the
developer's own data and keyring are never touched. The sample data is made up; no network.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import keyring  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402
from keyring.errors import PasswordDeleteError  # noqa: E402


class _SampleKeyring(KeyringBackend):
    """Secrets of the sample accounts live in memory only."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.values.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.values[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.values.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")


SAMPLE_TEXTS = [
    "Our autumn collection is here Handmade in Kraków, shipped everywhere. #slowfashion",
    "Five things we learned shipping 10,000 parcels this year — a thread for small shops.",
    "Webinar on Thursday: pricing your services without apologising. Seats are free.",
    "Behind the scenes: how a jacket goes from sketch to shop in six weeks.",
    "We're hiring a part-time community manager (remote, PL/EN). Details on our site.",
    "Customer story: Ania turned a hobby into a studio with three employees.",
    "Black Friday? Not here. We plant a tree for every order this week instead.",
    "New on the blog: caring for wool so it lasts a decade.",
]


def _accounts(ctx) -> dict[str, object]:  # noqa: ANN001
    made = {}
    samples = [
        ("linkedin", "Acme Studio (LinkedIn)", {"author": "urn:li:organization:2414183"}),
        ("facebook", "Acme Studio Page", {"page_id": "104385021236190"}),
        ("instagram", "@acme.studio", {"account_id": "17841405822304914"}),
        (
            "wordpress",
            "acme-studio.pl blog",
            {
                "site_url": "https://acme-studio.pl",
                "username": "editor",
                "media_host": True,
            },
        ),
    ]
    for platform, name, settings in samples:
        made[platform] = ctx.accounts.add(platform, name, settings, "sample-secret", None)
    return made


def _posts(ctx, accounts: dict) -> None:  # noqa: ANN001
    from desktop_publisher.posts import NewPost
    from desktop_publisher.store.models import ScheduledPost, Status

    now = datetime.now().astimezone()
    today = now.date()
    plan = [
        # (day offset, hour, platforms, status, error)
        (-9, 9, ["linkedin", "facebook"], Status.PUBLISHED, None),
        (-6, 12, ["instagram"], Status.PUBLISHED, None),
        (-4, 10, ["wordpress"], Status.PUBLISHED, None),
        (
            -2,
            18,
            ["facebook"],
            Status.FAILED,
            "Facebook refused the page token: it has expired. Reconnect the account.",
        ),
        (
            -1,
            8,
            ["linkedin"],
            Status.NEEDS_CHECK,
            "The connection dropped after LinkedIn received the post; check whether it was "
            "published before retrying.",
        ),
        (0, 17, ["linkedin", "instagram"], Status.QUEUED, None),
        (1, 9, ["facebook", "wordpress"], Status.SCHEDULED, None),
        (2, 11, ["instagram"], Status.SCHEDULED, None),
        (4, 8, ["linkedin"], Status.SCHEDULED, None),
        (6, 19, ["facebook", "instagram"], Status.SCHEDULED, None),
        (9, 10, ["wordpress"], Status.SCHEDULED, None),
    ]
    for i, (offset, hour, platforms, status, error) in enumerate(plan):
        local = datetime.combine(today + timedelta(days=offset), time(hour, 0)).astimezone()
        if status in (Status.QUEUED, Status.SCHEDULED) and local <= now:
            # Rendered late in the day: what waits stays ahead, or the running engine would
            # start publishing the sample.
            local = (now + timedelta(hours=2)).replace(minute=0, second=0, microsecond=0)
        future = local if local > now else now + timedelta(days=30)
        text = SAMPLE_TEXTS[i % len(SAMPLE_TEXTS)]
        created = ctx.posts.create(
            [accounts[p] for p in platforms],
            NewPost(
                text=text,
                at=future.astimezone(UTC),
                title="Caring for wool" if "wordpress" in platforms else None,
                media=["https://acme-studio.pl/wp-content/uploads/autumn.jpg"]
                if "instagram" in platforms
                else [],
            ),
        )
        for post in created:
            # Back-date and set the outcome directly: the sample history never went out.
            fields = {
                ScheduledPost.publication_date: local.astimezone(UTC),
                ScheduledPost.due_at: local.astimezone(UTC),
                ScheduledPost.status: status,
            }
            if status == Status.PUBLISHED:
                fields[ScheduledPost.url] = f"https://example.com/p/{post.id}"
                fields[ScheduledPost.published_at] = local.astimezone(UTC)
                fields[ScheduledPost.attempts] = 1
            if error:
                fields[ScheduledPost.last_error] = error
                fields[ScheduledPost.last_error_kind] = (
                    "auth" if status == Status.FAILED else "unknown_outcome"
                )
                fields[ScheduledPost.attempts] = 1
            ScheduledPost.update(fields).where(ScheduledPost.id == post.id).execute()


def _dark_palette():  # noqa: ANN202
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1f1f1f",
        QPalette.ColorRole.AlternateBase: "#262626",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#333333",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.Highlight: "#3d6fb4",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#333333",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.PlaceholderText: "#8a8a8a",
        QPalette.ColorRole.Link: "#7aa7ff",
        QPalette.ColorRole.Mid: "#444444",
        QPalette.ColorRole.Dark: "#1a1a1a",
        QPalette.ColorRole.Light: "#3a3a3a",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(disabled, role, QColor("#6e6e6e"))
    return palette


def _settle(app) -> None:  # noqa: ANN001
    from PySide6.QtCore import QDeadlineTimer, QEventLoop

    # Let lazy loads, timers and layouts run; a few passes are enough for this sample size.
    for _ in range(20):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, QDeadlineTimer(50))


def _save(widget, path: Path, app) -> None:  # noqa: ANN001
    _settle(app)
    widget.grab().save(str(path))
    print(f"wrote {path.relative_to(REPO) if path.is_relative_to(REPO) else path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs")
    parser.add_argument(
        "--language", default="en", help="the UI language (en, pl); docs/ shows English"
    )
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    keyring.set_keyring(_SampleKeyring())
    data_dir = Path(tempfile.mkdtemp(prefix="dp-screens-"))
    os.environ["DESKTOP_PUBLISHER_DATA_DIR"] = str(data_dir)
    # The sample accounts are made up: should anything be sent, it goes nowhere (a closed port
    # on this computer), never to the real platforms.
    os.environ["DESKTOP_PUBLISHER_LINKEDIN_URL"] = "http://127.0.0.1:9"
    os.environ["DESKTOP_PUBLISHER_GRAPH_URL"] = "http://127.0.0.1:9"

    from PySide6.QtWidgets import QApplication

    from desktop_publisher import APP_NAME
    from desktop_publisher.credentials import CredentialStore
    from desktop_publisher.gui.app import Running, create_context, shutdown
    from desktop_publisher.gui.infra import icons
    from desktop_publisher.gui.text import i18n
    from desktop_publisher.store.connection import open_store

    QApplication.setApplicationName(APP_NAME)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setStyle("Fusion")  # the same look on every machine that renders the docs
    app.setWindowIcon(icons.app_icon())
    i18n.install(app, args.language)

    store = open_store(data_dir)
    ctx, lock = create_context(data_dir, store, CredentialStore(), with_engine=True)
    accounts = _accounts(ctx)
    _posts(ctx, accounts)
    # A running engine, as the user sees it; nothing is due before the sample's first queued post.
    ctx.engine.start()

    from desktop_publisher.gui.window.main_window import MainWindow

    window = MainWindow(ctx)
    window.resize(1280, 800)
    window.show()
    window.refresh_now()
    _settle(app)
    from desktop_publisher.store.models import ScheduledPost, Status

    failed = ScheduledPost.get(ScheduledPost.status == Status.FAILED)
    # The whole month with a failed post selected: the reason in the details pane is the most
    # telling view of the window.
    window.set_range("month")
    _settle(app)
    window.select_key(("post", failed.id))
    _save(window, args.out / "main-window.png", app)

    shots = [
        ("editor.png", _editor),
        ("accounts.png", _accounts_dialog),
        ("settings.png", _settings_dialog),
        ("settings-apis.png", _settings_apis),
    ]
    for name, build in shots:
        widget = build(ctx, window)
        widget.show()
        _save(widget, args.out / name, app)
        # hide(), not close(): the editor would ask about its unsaved sample text.
        widget.hide()
        widget.deleteLater()

    light = app.palette()
    app.setPalette(_dark_palette())
    _save(window, args.out / "main-window-dark.png", app)
    app.setPalette(light)
    window.close()
    shutdown(Running(ctx, lock))
    return 0


def _editor(ctx, window):  # noqa: ANN001, ANN202
    from PySide6.QtCore import Qt

    from desktop_publisher.gui.dialogs.editor import PostEditor

    editor = PostEditor(ctx, window, initial_date=datetime.now().date() + timedelta(days=1))
    editor.resize(980, 760)
    # Two accounts, one of which breaks a rule: Instagram needs an image.
    for i in range(editor.accounts_list.count()):
        item = editor.accounts_list.item(i)
        if item.text() in ("Acme Studio (LinkedIn)", "@acme.studio"):
            item.setCheckState(Qt.CheckState.Checked)
    editor.text_edit.setPlainText(
        "Our autumn collection is here Handmade in Kraków, shipped everywhere.\n\n"
        "#slowfashion #handmade #autumn"
    )
    editor.tabs.setCurrentIndex(editor.tabs.count() - 1)
    return editor


def _accounts_dialog(ctx, window):  # noqa: ANN001, ANN202
    from desktop_publisher.gui.dialogs.accounts_dialog import AccountsDialog

    return AccountsDialog(ctx, window)


def _settings_dialog(ctx, window):  # noqa: ANN001, ANN202
    from desktop_publisher.gui.dialogs.settings_dialog import SettingsDialog

    return SettingsDialog(ctx, window)


def _settings_apis(ctx, window):  # noqa: ANN001, ANN202
    """The tab with the accounts' token rules and the API versions (LinkedIn's follows the
    calendar: the empty field shows the month in use)."""
    dialog = _settings_dialog(ctx, window)
    dialog.tabs.setCurrentIndex(dialog.tabs.count() - 1)
    return dialog


if __name__ == "__main__":
    raise SystemExit(main())
