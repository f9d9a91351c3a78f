"""Publishing and unpublishing, in the admin or through the services, reach the audit chain."""

from govsite.cms import services
from govsite.core import audit
from govsite.core.models import AuditRecord

from .helpers import column_page_form


def test_publish_in_admin_is_audited_with_its_actor(client, platform, cast):
    reviewer = cast["sponsor_reviewer"]
    page = platform["columns"]["edu_notice"].page
    client.force_login(reviewer)
    response = client.post(
        f"/admin/pages/{page.pk}/edit/", column_page_form("通知公告", "notice", "action-publish")
    )
    assert response.status_code == 302
    record = AuditRecord.objects.filter(action="cms.page.publish", object_id=str(page.pk)).last()
    assert record.actor_id == reviewer.pk and record.actor_name == "sponsor_reviewer"
    assert record.object_type == "wagtailcore.page"
    assert record.changes["wagtail_action"] == "wagtail.publish"
    assert audit.verify() == []


def test_unpublish_in_admin_is_audited(client, platform, articles, cast):
    admin, article = cast["sponsor_admin"], articles["edu_notice"]
    client.force_login(admin)
    response = client.post(f"/admin/pages/{article.pk}/unpublish/")
    assert response.status_code == 302
    article.refresh_from_db()
    assert not article.live
    record = AuditRecord.objects.filter(action="cms.page.unpublish").last()
    assert record.object_id == str(article.pk) and record.actor_id == admin.pk


def test_editor_save_is_audited_but_cannot_publish(client, platform, cast):
    editor = cast["sponsor_editor"]
    page = platform["columns"]["edu_notice"].page
    client.force_login(editor)
    client.post(
        f"/admin/pages/{page.pk}/edit/", column_page_form("通知公告", "notice", "action-publish")
    )
    assert not AuditRecord.objects.filter(action="cms.page.publish", actor_id=editor.pk).exists()
    client.post(
        f"/admin/pages/{page.pk}/edit/", column_page_form("通知公告", "notice", "action-save")
    )
    assert AuditRecord.objects.filter(action="cms.page.edit", actor_id=editor.pk).exists()


def test_service_article_leaves_create_and_publish_records(platform, cast):
    column = platform["columns"]["edu_notice"]
    article = services.create_article(
        column,
        actor=cast["sponsor_reviewer"],
        title="关于开展安全检查的通知",
        body_paragraphs=["各学校："],
        publish_date=platform["edu"].created_at,
        source="省教育厅",
    )
    actions = list(
        AuditRecord.objects.filter(
            object_id=str(article.pk), object_type__in=["cms.articlepage", "wagtailcore.page"]
        ).values_list("action", "actor_id")
    )
    reviewer = cast["sponsor_reviewer"].pk
    assert ("cms.page.publish", reviewer) in actions
    assert ("cms.article.create", reviewer) in actions
    assert audit.verify() == []
