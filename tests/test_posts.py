"""The post service behind the editor: drafts (saved even when invalid, reopened as saved),
scheduling content whose variants differ per platform, and editing one scheduled post."""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime, timedelta

import pytest

from desktop_publisher.cli.output import error_text
from desktop_publisher.errors import UserError
from desktop_publisher.platforms.base import PostVariant
from desktop_publisher.posts import DRAFT_KEY, EditedContent, NewPost, PostService
from desktop_publisher.store import queries
from desktop_publisher.store.models import Content, ContentVariant, ScheduledPost, Status
from desktop_publisher.store.queries import QueueFilter
from desktop_publisher.when import MAX_AHEAD

TOMORROW = datetime.now(UTC).replace(microsecond=0) + timedelta(days=1)


@pytest.fixture
def brands(add_account):  # noqa: ANN001, ANN201
    return (
        add_account("linkedin", "Brand A", {}),
        add_account("facebook", "Brand B", {"page_id": "1"}),
        add_account("linkedin", "Brand C", {}),
    )


def test_schedule_with_a_variant_per_platform(posts: PostService, brands) -> None:  # noqa: ANN001
    li, fb, li2 = brands
    data = EditedContent(
        text="Base text",
        title="Launch",
        variants={
            "linkedin": PostVariant("LinkedIn words #launch"),
            "facebook": PostVariant("Facebook words", link="https://example.com/x"),
        },
        at=TOMORROW,
    )
    created = posts.create_with_variants([li, fb, li2], data)
    assert [p.account.name for p in created] == ["Brand A", "Brand B", "Brand C"]
    assert {p.status for p in created} == {Status.SCHEDULED}
    assert all(p.publication_date == TOMORROW for p in created)
    # One content, one accepted variant per platform, shared by both LinkedIn accounts.
    assert Content.select().count() == 1
    assert created[0].variant.id == created[2].variant.id
    rows = {v.platform: v for v in ContentVariant.select()}
    assert set(rows) == {"linkedin", "facebook"}
    assert all(v.accepted for v in rows.values())
    assert rows["linkedin"].text == "LinkedIn words #launch"
    assert rows["facebook"].link == "https://example.com/x"
    assert Content.get().text == "Base text"


def test_an_invalid_variant_is_refused_naming_platform_and_field(
    posts: PostService,
    brands,  # noqa: ANN001
) -> None:
    li, fb, _ = brands
    data = EditedContent(
        text="ok",
        variants={"linkedin": PostVariant("x" * 3001), "facebook": PostVariant("fine")},
        at=TOMORROW,
    )
    with pytest.raises(UserError) as caught:
        posts.create_with_variants([li, fb], data)
    assert "LinkedIn text: LinkedIn allows at most 3000 characters (3001 now)" in str(caught.value)
    assert ScheduledPost.select().count() == 0 and Content.select().count() == 0


def test_the_past_and_no_account_are_refused(posts: PostService, brands) -> None:  # noqa: ANN001
    li = brands[0]
    past = EditedContent(text="hi", at=datetime.now(UTC) - timedelta(hours=1))
    with pytest.raises(UserError, match="Time: .* is in the past"):
        posts.create_with_variants([li], past)
    with pytest.raises(UserError, match="Accounts: choose at least one"):
        posts.create_with_variants([], EditedContent(text="hi", at=TOMORROW))


def test_more_than_ten_years_ahead_is_refused_everywhere(
    posts: PostService,
    brands,  # noqa: ANN001
) -> None:
    # The window (create_with_variants, update_post), the command line (create, reschedule):
    # one limit, whoever parsed the time; a few minutes within it is fine.
    li = brands[0]
    now = datetime.now(UTC)
    beyond = now + MAX_AHEAD + timedelta(minutes=5)
    within = now + MAX_AHEAD - timedelta(minutes=5)
    with pytest.raises(UserError, match="Time: .* is more than ten years ahead") as caught:
        posts.create_with_variants([li], EditedContent(text="hi", at=beyond))
    assert caught.value.rule is not None  # the window shows it translated
    # The command line's words name the field "at" by its option.
    with pytest.raises(UserError) as caught:
        posts.create([li], NewPost(text="hi", at=beyond))
    assert re.match("--at: .* is more than ten years ahead", error_text(caught.value))
    assert ScheduledPost.select().count() == 0 and Content.select().count() == 0
    (post,) = posts.create([li], NewPost(text="hi", at=within))
    with pytest.raises(UserError) as caught:
        posts.reschedule(post.id, beyond)
    assert re.match("--at: .* is more than ten years ahead", error_text(caught.value))
    data = posts.load_post(post.id)
    data.at = beyond
    with pytest.raises(UserError, match="Time: .* is more than ten years ahead"):
        posts.update_post(post.id, data, data.variant_for("linkedin"))
    assert posts.get(post.id).publication_date == within


@pytest.mark.parametrize(
    ("platform", "label", "mb"),
    [
        ("linkedin", "LinkedIn", "5"),
        ("facebook", "Facebook", "4"),
        ("instagram", "Instagram", "8"),
        ("wordpress", "WordPress", "50"),
    ],
)
def test_every_platform_refuses_local_files_that_are_no_images(tmp_path, platform, label, mb):
    # Looked at, never opened: a 2 GB sparse ".jpg", a pipe, a folder.
    huge = tmp_path / "huge.jpg"
    with huge.open("wb") as handle:
        handle.truncate(2_000_000_000)
    pipe = tmp_path / "pipe.jpg"
    os.mkfifo(pipe)
    folder = tmp_path / "folder.jpg"
    folder.mkdir()
    variant = PostVariant("Hi", title="Hi", media=[str(huge), str(pipe), str(folder)])
    problems = "\n".join(PostService.problems(platform, variant, host=True))
    assert f"media: huge.jpg: {label} accepts files up to {mb} MB." in problems
    assert "media: pipe.jpg: not a regular file (a folder, device or pipe)" in problems
    assert "media: folder.jpg: not a regular file (a folder, device or pipe)" in problems


def test_a_draft_saves_even_when_invalid_and_reopens_as_saved(
    posts: PostService,
    brands,
    store,  # noqa: ANN001
) -> None:
    li, fb, _ = brands
    data = EditedContent(
        text="Base",
        title="Idea",
        variants={"linkedin": PostVariant("y" * 5000), "facebook": PostVariant("Base")},
        account_ids=[li.id, fb.id],
        at=TOMORROW,
    )
    content_id = posts.save_draft(data)
    assert ScheduledPost.select().count() == 0
    assert not any(v.accepted for v in ContentVariant.select())
    drafts = queries.drafts(store.db, QueueFilter())
    assert [d.id for d in drafts] == [content_id]
    assert drafts[0].platforms == ("facebook", "linkedin")

    loaded = posts.load_content(content_id)
    assert loaded.text == "Base" and loaded.title == "Idea"
    assert loaded.variants["linkedin"].text == "y" * 5000
    assert DRAFT_KEY not in loaded.variants["linkedin"].extra
    assert sorted(loaded.account_ids) == sorted([li.id, fb.id])
    assert loaded.at == TOMORROW

    # Saving again updates the same draft; scheduling it turns that content into the posts.
    loaded.variants["linkedin"] = PostVariant("Short now")
    assert posts.save_draft(loaded, content_id) == content_id
    assert Content.select().count() == 1
    created = posts.create_with_variants([li, fb], posts.load_content(content_id), content_id)
    assert len(created) == 2 and Content.select().count() == 1
    assert created[0].variant.text == "Short now"
    assert all(v.accepted and DRAFT_KEY not in v.extra for v in ContentVariant.select())
    assert queries.drafts(store.db, QueueFilter()) == []
    with pytest.raises(UserError, match="scheduled meanwhile"):
        posts.save_draft(loaded, content_id)


def test_editing_a_post_changes_it_and_only_it(posts: PostService, brands) -> None:  # noqa: ANN001
    li, fb, li2 = brands
    first, second, third = posts.create_with_variants(
        [li, fb, li2], EditedContent(text="Shared", at=TOMORROW)
    )
    later = TOMORROW + timedelta(hours=3)
    data = posts.load_post(first.id)
    assert data.account_ids == [li.id] and data.at == TOMORROW
    data.at = later
    updated = posts.update_post(first.id, data, PostVariant("Only for Brand A"))
    assert updated.variant.text == "Only for Brand A"
    assert updated.publication_date == later and updated.due_at == later
    # The other LinkedIn post shared the variant: it keeps its text.
    assert ScheduledPost.get_by_id(third.id).variant.text == "Shared"
    assert ScheduledPost.get_by_id(second.id).variant.text == "Shared"
    assert updated.variant.content_id != third.variant.content_id

    # Alone on its content now: a second edit changes it in place.
    data = posts.load_post(first.id)
    posts.update_post(first.id, data, PostVariant("Again"))
    assert ScheduledPost.get_by_id(first.id).variant.id == updated.variant.id
    assert ScheduledPost.get_by_id(first.id).variant.text == "Again"


def test_a_failed_post_edited_is_scheduled_again(posts: PostService, brands) -> None:  # noqa: ANN001
    post = posts.create_with_variants([brands[0]], EditedContent(text="Hi", at=TOMORROW))[0]
    ScheduledPost.update(
        status=Status.FAILED, last_error="Token expired", checkpoint={"image": "urn:1"}
    ).where(ScheduledPost.id == post.id).execute()
    updated = posts.update_post(post.id, posts.load_post(post.id), PostVariant("Fixed"))
    assert updated.status == Status.SCHEDULED and updated.last_error is None
    assert updated.checkpoint == {}


def test_a_published_or_claimed_post_cannot_be_edited(
    posts: PostService,
    brands,  # noqa: ANN001
) -> None:
    post = posts.create_with_variants([brands[0]], EditedContent(text="Hi", at=TOMORROW))[0]
    ScheduledPost.update(status=Status.PUBLISHED, url="https://x/1").where(
        ScheduledPost.id == post.id
    ).execute()
    with pytest.raises(UserError, match="already published"):
        posts.update_post(post.id, posts.load_post(post.id), PostVariant("Changed"))
    assert ScheduledPost.get_by_id(post.id).variant.text == "Hi"
    ScheduledPost.update(status=Status.PUBLISHING).where(ScheduledPost.id == post.id).execute()
    with pytest.raises(UserError, match="being published"):
        posts.update_post(post.id, posts.load_post(post.id), PostVariant("Changed"))


def test_an_invalid_edit_is_refused(posts: PostService, add_account) -> None:  # noqa: ANN001
    blog = add_account("wordpress", "Blog", {"site_url": "https://b.example", "username": "u"})
    post = posts.create_with_variants(
        [blog], EditedContent(text="Body", title="Title", at=TOMORROW)
    )[0]
    with pytest.raises(UserError, match="WordPress title: WordPress needs a title"):
        posts.update_post(post.id, posts.load_post(post.id), PostVariant("Body", title=" "))
    assert ScheduledPost.get_by_id(post.id).variant.title == "Title"
