"""Desktop Publisher: schedule and publish posts from your own computer."""

__version__ = "0.1.0"
APP_NAME = "Desktop Publisher"
APP_ID = "desktop-publisher"
