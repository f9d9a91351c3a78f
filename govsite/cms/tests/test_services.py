"""The cms services check the actor's scope, validate, and build pages the Wagtail way."""

import pytest
from django.utils import timezone

from govsite.cms import hosting, services
from govsite.cms.models import ArticlePage, ColumnPage
from govsite.core.errors import GovsitePermissionDenied, GovsiteValidationError
from govsite.sites.models import Column


def _article(column, actor, **kw):
    fields = {
        "title": "关于做好2026年寒假工作的通知",
        "body_paragraphs": ["各市教育局：", "", "特此通知。"],
        "publish_date": timezone.now(),
        "source": "省教育厅",
        **kw,
    }
    return services.create_article(column, actor=actor, **fields)


def test_article_is_a_published_child_of_its_column_page(platform):
    column = platform["columns"]["edu_notice"]
    article = _article(
        column,
        None,
        subtitle="副标题",
        author="李四",
        index_number="A-1",
        validity="valid",
        keywords="寒假",
    )
    article.refresh_from_db()
    assert article.live and article.get_parent().pk == column.page_id
    assert [b.block_type for b in article.body] == ["paragraph", "paragraph"]
    assert article.validity_zh == "有效" and article.keywords == "寒假"
    assert article.latest_revision is not None and article.live_revision is not None
    assert services.article_count(column) == 1


def test_body_text_is_escaped(platform):
    article = _article(
        platform["columns"]["edu_notice"], None, body_paragraphs=["<script>x</script>"]
    )
    assert "<script>" not in str(article.body[0].value)


def test_draft_stays_unpublished(platform, cast):
    article = _article(platform["columns"]["edu_notice"], cast["sponsor_editor"], publish=False)
    article.refresh_from_db()
    assert not article.live and article.has_unpublished_changes


def test_editor_may_not_publish_through_the_service(platform, cast):
    with pytest.raises(GovsitePermissionDenied):
        _article(platform["columns"]["edu_notice"], cast["sponsor_editor"])


def test_editor_of_another_site_may_not_write_here(platform, cast):
    with pytest.raises(GovsitePermissionDenied):
        _article(platform["columns"]["edu_notice"], cast["fin_editor"], publish=False)
    assert ArticlePage.objects.count() == 0


def test_unknown_field_and_empty_title_are_refused(platform):
    column = platform["columns"]["edu_notice"]
    with pytest.raises(GovsiteValidationError):
        _article(column, None, colour="red")
    with pytest.raises(GovsiteValidationError):
        _article(column, None, title="  ")
    with pytest.raises(GovsiteValidationError):
        _article(column, None, validity="有效")


def test_hostname_comes_from_main_domain_or_localhost_alias(platform):
    portal = platform["portal"]
    address = hosting.address_of(portal)
    assert (address.hostname, address.port, address.is_default) == ("www.zj.gov.cn", 80, True)
    portal.domains.create(domain="zj.localhost")
    moved = hosting.address_of(portal)
    assert (moved.hostname, moved.port) == ("zj.localhost", 8000)


def test_a_stale_column_copy_gets_no_second_page(platform):
    column = platform["columns"]["edu_notice"]
    stale = Column.objects.get(pk=column.pk)
    stale.page_id = None  # as read before the page was made
    article = _article(stale, None)
    assert article.get_parent().pk == column.page_id
    assert ColumnPage.objects.filter(title="通知公告").count() == 1
