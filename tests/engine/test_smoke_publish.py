from desktop_publisher.store.models import PublishAttempt, ScheduledPost, Status


def test_publish_now_through_service(service, fakenet_account, add_post, fake_server):
    post = add_post(fakenet_account, "Launch day")
    outcome = service.publish_post(post.id, manual=True)
    assert outcome.status == Status.PUBLISHED
    row = ScheduledPost.get_by_id(post.id)
    assert row.external_id == "fn-1"
    assert row.url.endswith("/p/fn-1")
    assert len(fake_server.requests) == 1
    assert PublishAttempt.select().where(PublishAttempt.post == post.id).count() == 1
