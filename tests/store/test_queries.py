"""The window's queries: paging, filters, drafts, calendar counts per local day (DST), and the two
small writes (mark_published, delete_draft)."""

from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop_publisher.store import queries
from desktop_publisher.store.models import Content, ContentVariant, ScheduledPost, Status
from desktop_publisher.store.queries import DRAFT, QueueFilter

BASE = datetime(2030, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def two_accounts(add_account):  # noqa: ANN001, ANN201
    li = add_account("linkedin", "Brand A", {})
    fb = add_account("facebook", "Brand B", {"page_id": "123"})
    return li, fb


def set_status(post_id: int, status: str, **changes: object) -> None:
    ScheduledPost.update(status=status, **changes).where(ScheduledPost.id == post_id).execute()


def all_pages(store, flt: QueueFilter, limit: int) -> list[queries.QueueRow]:  # noqa: ANN001
    rows: list[queries.QueueRow] = []
    after = None
    while True:
        page = queries.queue_page(store.db, flt, after=after, limit=limit)
        rows += page
        if len(page) < limit:
            return rows
        after = page[-1].sort_key


@pytest.fixture(params=["sort", "walk"])
def plan(request, monkeypatch):  # noqa: ANN001, ANN201
    """Run a test under both read plans: they may differ in speed, never in rows."""
    queries._plan_cache.clear()
    if request.param == "walk":
        monkeypatch.setattr(queries, "SELECTIVE_ROWS", -1)
    yield request.param
    queries._plan_cache.clear()


def test_keyset_pages_return_every_post_once_in_time_order(store, two_accounts, add_post, plan):
    li, fb = two_accounts
    made = []
    for i in range(23):
        # Several posts share a time: the id breaks the tie, so no page boundary loses one.
        made.append(add_post(li if i % 2 else fb, f"post {i}", at=BASE + timedelta(hours=i // 3)))
    rows = all_pages(store, QueueFilter(), limit=5)
    expected = sorted(made, key=lambda p: (p.publication_date, p.id))
    assert [r.id for r in rows] == [p.id for p in expected]
    first = rows[0]
    assert first.kind == "post" and first.status == Status.SCHEDULED
    assert first.account == expected[0].account.name
    assert first.platforms == (expected[0].account.platform,)
    assert first.preview == "post 0" and first.when == expected[0].publication_date

    newest_first = all_pages(store, QueueFilter(descending=True), limit=4)
    assert [r.id for r in newest_first] == [p.id for p in reversed(expected)]
    assert queries.queue_count(store.db, QueueFilter()) == 23

    by_offset = queries.queue_page(store.db, QueueFilter(), limit=5, offset=5)
    assert [r.id for r in by_offset] == [p.id for p in expected[5:10]]


def test_filters_narrow_the_queue(store, two_accounts, add_post, plan):
    li, fb = two_accounts
    a = add_post(li, "Launch day at 50% off", at=BASE)
    b = add_post(fb, "Launch day_two", at=BASE + timedelta(days=1))
    c = add_post(fb, "Something else", at=BASE + timedelta(days=2))
    d = add_post(li, "launch recap", at=BASE + timedelta(days=3))
    set_status(c.id, Status.FAILED, last_error="Token expired")
    set_status(d.id, Status.CANCELLED)

    def ids(flt: QueueFilter) -> list[int]:
        rows = all_pages(store, flt, limit=2)
        assert queries.queue_count(store.db, flt) == len(rows)
        return [r.id for r in rows]

    assert ids(QueueFilter(statuses=frozenset({Status.FAILED}))) == [c.id]
    assert ids(QueueFilter(statuses=frozenset({Status.FAILED, Status.CANCELLED}))) == [c.id, d.id]
    assert ids(QueueFilter(platforms=frozenset({"facebook"}))) == [b.id, c.id]
    assert ids(QueueFilter(account_ids=frozenset({li.id}))) == [a.id, d.id]
    assert ids(QueueFilter(account_ids=frozenset())) == []
    # Case-insensitive, and the LIKE wildcards typed by the user are taken literally.
    assert ids(QueueFilter(text="LAUNCH")) == [a.id, b.id, d.id]
    assert ids(QueueFilter(text="50%")) == [a.id]
    assert ids(QueueFilter(text="day_")) == [b.id]
    assert ids(QueueFilter(text="y_t")) == [b.id]
    assert ids(QueueFilter(text="0% o")) == [a.id]
    assert ids(QueueFilter(text="%")) == [a.id]
    day2 = BASE + timedelta(days=1)
    assert ids(QueueFilter(start=day2, end=day2 + timedelta(days=2))) == [b.id, c.id]
    assert ids(QueueFilter(text="launch", platforms=frozenset({"linkedin"}))) == [a.id, d.id]
    row = queries.queue_page(store.db, QueueFilter(statuses=frozenset({Status.FAILED})))[0]
    assert row.error == "Token expired"


def test_drafts_are_content_without_posts(store, two_accounts, add_post):
    li, _fb = two_accounts
    post = add_post(li, "Scheduled text", at=BASE)
    old = Content.create(title="Old idea", text="An old draft")
    new = Content.create(title="", text="A new   draft\nwith lines")
    ContentVariant.create(content=new, platform="facebook", text="A new draft for FB")

    rows = queries.drafts(store.db, QueueFilter())
    assert [r.id for r in rows] == [new.id, old.id]  # newest first
    assert rows[0].kind == DRAFT and rows[0].status == DRAFT
    assert rows[0].preview == "A new draft with lines"
    assert rows[0].platforms == ("facebook",) and rows[1].platforms == ()
    assert [r.id for r in queries.drafts(store.db, QueueFilter(), before_id=new.id)] == [old.id]
    assert [r.id for r in queries.drafts(store.db, QueueFilter(text="for fb"))] == [new.id]
    assert [r.id for r in queries.drafts(store.db, QueueFilter(text="old idea"))] == [old.id]
    assert [
        r.id for r in queries.drafts(store.db, QueueFilter(platforms=frozenset({"facebook"})))
    ] == [new.id]
    # Drafts have no date and no account: a range, an account choice or a status hides them.
    assert queries.drafts(store.db, QueueFilter(start=BASE)) == []
    assert queries.drafts(store.db, QueueFilter(account_ids=frozenset({li.id}))) == []
    assert queries.drafts(store.db, QueueFilter(statuses=frozenset({Status.FAILED}))) == []
    upcoming = QueueFilter(start=BASE, drafts=True)
    assert len(queries.drafts(store.db, upcoming)) == 2
    assert queries.drafts(store.db, QueueFilter(drafts=False)) == []
    assert queries.drafts(store.db, QueueFilter(drafts=True, account_ids=frozenset())) == []
    only_drafts = QueueFilter(statuses=frozenset({DRAFT}))
    assert len(queries.drafts(store.db, only_drafts)) == 2
    assert queries.queue_page(store.db, only_drafts) == []
    assert queries.queue_count(store.db, only_drafts) == 2
    assert queries.queue_count(store.db, QueueFilter()) == 3
    assert queries.queue_count(store.db, QueueFilter(), include_drafts=False) == 1
    assert post.id in [r.id for r in queries.queue_page(store.db, QueueFilter())]


def test_delete_draft_never_touches_scheduled_content(store, two_accounts, add_post):
    li, _fb = two_accounts
    post = add_post(li, "Scheduled", at=BASE)
    draft = Content.create(text="draft")
    ContentVariant.create(content=draft, platform="linkedin", text="draft")
    assert queries.delete_draft(store.db, draft.id)
    assert Content.get_or_none(Content.id == draft.id) is None
    assert ContentVariant.select().where(ContentVariant.content == draft.id).count() == 0
    assert not queries.delete_draft(store.db, post.variant.content_id)
    assert Content.get_or_none(Content.id == post.variant.content_id) is not None


def test_has_content(store, two_accounts, add_post):
    assert not queries.has_content(store.db)
    add_post(two_accounts[0], "x", at=BASE)
    assert queries.has_content(store.db)


def test_mark_published_only_from_needs_check(store, two_accounts, add_post):
    li, _fb = two_accounts
    post = add_post(li, "x", at=BASE)
    assert not queries.mark_published(store.db, post.id, "https://example.com/1")
    assert ScheduledPost.get_by_id(post.id).status == Status.SCHEDULED
    set_status(post.id, Status.NEEDS_CHECK, last_error="unknown", last_error_kind="unknown_outcome")
    assert queries.mark_published(store.db, post.id, "https://example.com/1")
    done = ScheduledPost.get_by_id(post.id)
    assert done.status == Status.PUBLISHED and done.url == "https://example.com/1"
    assert done.published_at is not None and done.last_error is None
    assert not queries.mark_published(store.db, post.id, None)  # already published: no change


@pytest.mark.parametrize("zone", ["Europe/Warsaw", "Asia/Kolkata", "America/St_Johns"])
def test_day_counts_match_local_dates_across_dst(store, two_accounts, add_post, zone):
    """Per local day, whatever the offset (whole hours, +5:30, -3:30) and across both DST
    changes of 2030 (Europe: 31 March and 27 October)."""
    tz = ZoneInfo(zone)
    li, fb = two_accounts
    rng = random.Random(7)
    expected: Counter[tuple[date, str]] = Counter()
    moments = [
        # Around Warsaw's changes, and the first minutes of a local day.
        datetime(2030, 3, 30, 22, 59, tzinfo=UTC),
        datetime(2030, 3, 30, 23, 0, tzinfo=UTC),
        datetime(2030, 3, 31, 21, 59, tzinfo=UTC),
        datetime(2030, 3, 31, 22, 0, tzinfo=UTC),
        datetime(2030, 10, 26, 21, 59, tzinfo=UTC),
        datetime(2030, 10, 26, 22, 0, tzinfo=UTC),
        datetime(2030, 10, 27, 22, 59, tzinfo=UTC),
        datetime(2030, 10, 27, 23, 0, tzinfo=UTC),
        datetime(2030, 3, 30, 18, 29, tzinfo=UTC),  # Kolkata midnight is 18:30 UTC
        datetime(2030, 3, 30, 18, 30, tzinfo=UTC),
    ]
    moments += [
        datetime(2030, 3, 25, tzinfo=UTC) + timedelta(minutes=rng.randrange(0, 60 * 24 * 220))
        for _ in range(60)
    ]
    for i, moment in enumerate(moments):
        post = add_post(li if i % 2 else fb, f"p{i}", at=moment)
        status = rng.choice([Status.SCHEDULED, Status.FAILED, Status.NEEDS_CHECK])
        set_status(post.id, status)
        expected[(moment.astimezone(tz).date(), status)] += 1

    start = datetime(2030, 3, 1, tzinfo=tz).astimezone(UTC)
    end = datetime(2030, 12, 1, tzinfo=tz).astimezone(UTC)
    counts = queries.day_counts(store.db, start, end, tz)
    got = Counter({(d, s): n for d, by in counts.items() for s, n in by.items()})
    assert got == expected

    # Filters apply; a range that starts mid-day counts only what lies inside it.
    failed = queries.day_counts(
        store.db, start, end, tz, QueueFilter(statuses=frozenset({Status.FAILED}))
    )
    assert sum(n for by in failed.values() for n in by.values()) == sum(
        n for (_d, s), n in expected.items() if s == Status.FAILED
    )
    fb_only = queries.day_counts(store.db, start, end, tz, QueueFilter(account_ids=frozenset()))
    assert fb_only == {}
    mid = moments[0] + timedelta(seconds=1)
    clipped = queries.day_counts(store.db, mid, mid + timedelta(hours=1), tz)
    assert sum(n for by in clipped.values() for n in by.values()) == sum(
        1 for m in moments if mid <= m < mid + timedelta(hours=1)
    )


def test_local_day_bounds_follow_dst():
    tz = ZoneInfo("Europe/Warsaw")
    start, end = queries.local_day_bounds(date(2030, 3, 31), tz)
    assert end - start == timedelta(hours=23)
    start, end = queries.local_day_bounds(date(2030, 10, 27), tz)
    assert end - start == timedelta(hours=25)
    assert start == datetime(2030, 10, 26, 22, 0, tzinfo=UTC)


def test_next_due_is_the_earliest_pending_post_of_either_status(store, two_accounts, add_post):
    from desktop_publisher.posts import PostService

    li, fb = two_accounts
    posts = PostService(store)
    assert posts.next_due() is None
    later = add_post(li, "later", at=BASE + timedelta(hours=2))
    queued = add_post(fb, "queued", at=BASE + timedelta(hours=1))
    done = add_post(li, "done", at=BASE)
    set_status(queued.id, Status.QUEUED.value)
    set_status(done.id, Status.PUBLISHED.value)
    assert posts.next_due().id == queued.id  # a queued post before any scheduled one
    set_status(queued.id, Status.QUEUED.value, due_at=BASE + timedelta(hours=3))
    assert posts.next_due().id == later.id  # a scheduled post before the queued one
    set_status(later.id, Status.FAILED.value)
    assert posts.next_due().id == queued.id
    set_status(queued.id, Status.CANCELLED.value)
    assert posts.next_due() is None


def test_a_content_is_a_draft_again_when_its_last_post_goes_and_not_before(
    store, two_accounts, add_post
):
    li, fb = two_accounts
    first = add_post([li, fb], "Two accounts", at=BASE)
    content_id = first.variant.content_id
    second = ScheduledPost.get((ScheduledPost.id != first.id) & (ScheduledPost.account == fb.id))

    def draft_ids() -> list[int]:
        return [r.id for r in queries.drafts(store.db, QueueFilter())]

    assert draft_ids() == []
    first.delete_instance()
    assert draft_ids() == []  # one post left
    # A post moved to another content's variant: the first content is a draft, the other not.
    other = Content.create(text="Other")
    variant = ContentVariant.create(content=other, platform="facebook", text="Other")
    assert draft_ids() == [other.id]
    ScheduledPost.update(variant=variant).where(ScheduledPost.id == second.id).execute()
    assert draft_ids() == [content_id]
    # A variant handed to another content takes its posts along.
    ContentVariant.update(content=content_id).where(ContentVariant.id == variant.id).execute()
    assert draft_ids() == [other.id]
    second.delete_instance()
    assert set(draft_ids()) == {content_id, other.id}
    assert queries.queue_count(store.db, QueueFilter()) == 2
    assert queries.delete_draft(store.db, content_id)


def test_window_reads_walk_their_indexes(store, two_accounts, add_post):
    """Drafts come from their partial index and the calendar's counts from the index alone:
    neither reads every post."""

    def plan(sql: str, params: list) -> str:  # noqa: ANN001
        rows = store.db.execute_sql(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()
        return " | ".join(str(row[-1]) for row in rows)

    add_post(two_accounts[0], "x", at=BASE)
    captured: list[tuple[str, list]] = []
    execute = store.db.execute_sql

    def capture(sql, params=None, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        captured.append((sql, list(params or [])))
        return execute(sql, params, *args, **kwargs)

    store.db.execute_sql = capture
    try:
        queries.drafts(store.db, QueueFilter())
        queries.queue_count(store.db, QueueFilter(statuses=frozenset({DRAFT})))
        queries.day_counts(store.db, BASE, BASE + timedelta(days=42), ZoneInfo("Europe/Warsaw"))
    finally:
        del store.db.execute_sql
    drafts_plan, count_plan, days_plan = (plan(sql, params) for sql, params in captured)
    assert "content_draft" in drafts_plan and "scheduled_post" not in drafts_plan
    assert "content_draft" in count_plan and "scheduled_post" not in count_plan
    assert "COVERING INDEX scheduled_post_publication_status" in days_plan
