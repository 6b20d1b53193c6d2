"""What Facebook and Instagram declare alike: the Graph API's address and version."""

from __future__ import annotations

import re

from desktop_publisher.platforms.declaration import ApiUrl, GlobalSetting
from desktop_publisher.translatable import QT_TRANSLATE_NOOP

GRAPH_API = ApiUrl("graph", "DESKTOP_PUBLISHER_GRAPH_URL", "https://graph.facebook.com")

# Moved forward by the client when Meta says it served a newer one (platforms/graph.py).
GRAPH_VERSION = GlobalSetting(
    "graph_version",
    "v25.0",
    QT_TRANSLATE_NOOP("SettingsDialog", "Graph API version"),
    help=QT_TRANSLATE_NOOP(
        "SettingsDialog",
        "Facebook and Instagram Graph API, e.g. v25.0. When Meta retires it, the version Meta "
        "answers with is taken here by itself.",
    ),
    pattern=re.compile(r"^v\d{1,3}\.\d$"),
    problem=QT_TRANSLATE_NOOP("SettingsDialog", "Graph API version must look like v25.0 (not %1)."),
)
