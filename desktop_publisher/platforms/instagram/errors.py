"""Instagram's own rows before Graph's table (graph_errors.py): its subcodes say what the code
alone cannot (4 is also "restricted as spam")."""

from __future__ import annotations

from typing import Any

from desktop_publisher.message import Message
from desktop_publisher.platforms.base import ErrorKind
from desktop_publisher.platforms.error_table import Answer, Row, Table
from desktop_publisher.platforms.graph_errors import (
    IG_INVALID_SUBCODES,
    IG_QUOTA_SUBCODE,
    IG_RESTRICTED_SUBCODES,
    IG_TRANSIENT_SUBCODES,
    NOT_READY_CODE,
)
from desktop_publisher.translatable import QT_TRANSLATE_NOOP

# The quota is a rolling 24 hours and Graph does not say when the next slot frees: look again
# in an hour (one cheap GET), until the engine's hold limit.
QUOTA_RECHECK_SECONDS = 3600.0
CONTAINER_ERRORS = {
    "2207003": "downloading the image took too long",
    "2207052": "the image could not be downloaded from its address",
    "2207004": "the image is larger than 8 MB",
    "2207005": "the image format is not supported (JPEG only)",
    "2207009": "the aspect ratio is outside 4:5 … 1.91:1",
    "2207010": "the caption is too long",
    "2207026": "the image could not be processed",
}
# The same reasons in the catalogues (lupdate reads literals).
_REASONS = (
    QT_TRANSLATE_NOOP("Error", "downloading the image took too long"),
    QT_TRANSLATE_NOOP("Error", "the image could not be downloaded from its address"),
    QT_TRANSLATE_NOOP("Error", "the image is larger than 8 MB"),
    QT_TRANSLATE_NOOP("Error", "the image format is not supported (JPEG only)"),
    QT_TRANSLATE_NOOP("Error", "the aspect ratio is outside 4:5 … 1.91:1"),
    QT_TRANSLATE_NOOP("Error", "the caption is too long"),
    QT_TRANSLATE_NOOP("Error", "the image could not be processed"),
)


def _why(answer: Answer) -> dict[str, Any]:
    reason = CONTAINER_ERRORS.get(str(answer.subcode))
    if not reason:
        return {"why": ""}
    return {"why": Message(QT_TRANSLATE_NOOP("Error", "{reason}. "), {"reason": Message(reason)})}


NOT_READY = QT_TRANSLATE_NOOP(
    "Error", "Instagram has not finished preparing the image; publishing is tried again later."
)

INSTAGRAM_ROWS: Table = (
    Row(
        ErrorKind.TRANSIENT,
        NOT_READY,
        code=NOT_READY_CODE,
        error_code=str(NOT_READY_CODE),
        retry_after=lambda a: 60.0,
    ),
    Row(
        ErrorKind.TRANSIENT,
        NOT_READY,
        subcode=2207027,
        error_code=str(NOT_READY_CODE),
        retry_after=lambda a: 60.0,
    ),
    Row(
        ErrorKind.RATE_LIMITED,
        QT_TRANSLATE_NOOP(
            "Error",
            "Instagram's daily publishing limit is used up. The post is held and goes out when "
            "the limit frees.",
        ),
        subcode=IG_QUOTA_SUBCODE,
        error_code=str(IG_QUOTA_SUBCODE),
        retry_after=lambda a: QUOTA_RECHECK_SECONDS,
    ),
    Row(
        ErrorKind.PERMANENT,
        QT_TRANSLATE_NOOP(
            "Error",
            "Instagram has restricted this account ({code}/{subcode}): check the account in the "
            "Instagram app. Instagram said: {said}",
        ),
        subcode=IG_RESTRICTED_SUBCODES,
        reports_subcode=True,
    ),
    Row(
        ErrorKind.INVALID_CONTENT,
        QT_TRANSLATE_NOOP(
            "Error",
            "Instagram rejected the post while {step} ({code}/{subcode}): {why}Edit the post, "
            "then retry. Instagram said: {said}",
        ),
        subcode=IG_INVALID_SUBCODES,
        reports_subcode=True,
        values=_why,
    ),
    Row(
        ErrorKind.TRANSIENT,
        QT_TRANSLATE_NOOP(
            "Error", "Instagram had a temporary problem while {step} ({code}/{subcode}): {said}"
        ),
        subcode=IG_TRANSIENT_SUBCODES,
        reports_subcode=True,
    ),
)
