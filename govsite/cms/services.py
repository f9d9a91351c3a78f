"""Every state change of cms: site homes, column pages, articles. Each writes an audit record.

Content goes through Wagtail's own operations (``add_child``, ``save_revision``,
``revision.publish()``); Wagtail's log entries are mirrored into the audit chain by
``logmirror``, so a publish appears there as ``cms.page.publish`` as well.
"""

import re
import secrets
from collections.abc import Sequence
from datetime import datetime
from urllib.parse import urlparse

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.html import escape
from wagtail.models import Page
from wagtail.models import Site as WagtailSite
from wagtail.rich_text import RichText

from govsite.core import access, audit
from govsite.core.errors import GovsiteValidationError
from govsite.core.models import User
from govsite.sites import services as site_services
from govsite.sites.models import Column, ColumnKind, Site

from . import hosting, permissions
from .models import ArticlePage, ColumnPage, HomePage, SiteIdentitySettings, TopicPage, Validity

DISCLOSURE_FIELDS = frozenset(
    {"index_number", "document_number", "issuing_agency", "written_date", "validity", "keywords"}
)
NAME_MAX = Column._meta.get_field("name").max_length
SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,49}$")


@transaction.atomic
def create_site_home(site: Site, *, actor: User | None) -> HomePage:
    """Give an on-platform registry site its Wagtail site and published home page.

    Idempotent: when the site has them already, brings the Wagtail site's hostname, port,
    name and default flag in step with the registry (``hosting.address_of``) and returns
    the home page. Records cms.site.create or cms.site.update; re-syncs the page
    permissions of every user whose grants cover the site.
    """
    if actor is not None:
        access.require(actor, "site.change", site)
    if not site.on_platform:
        raise GovsiteValidationError(
            f"网站“{site.name}”不在平台内，不能建立首页",
            f"Site {site.name!r} is not hosted on the platform",
            field="site",
        )
    # The row lock makes a concurrent call wait, then see the Wagtail site made meanwhile.
    locked = Site.objects.select_for_update().select_related("region").get(pk=site.pk)
    if locked.wagtail_site_id:
        site.wagtail_site = locked.wagtail_site
        _refresh_wagtail_site(locked, actor=actor)
        return locked.wagtail_site.root_page.specific
    home = HomePage(title=site.name, slug=_free_slug(_root(), site.site_code), live=False)
    _root().add_child(instance=home)
    home.save_revision(user=actor).publish(user=actor)
    address = hosting.address_of(site)
    _clear_default_if(address.is_default)
    wagtail_site = WagtailSite.objects.create(
        hostname=address.hostname,
        port=address.port,
        root_page=home,
        site_name=site.name,
        is_default_site=address.is_default,
    )
    Site.objects.filter(pk=site.pk).update(wagtail_site=wagtail_site)
    site.wagtail_site = wagtail_site
    audit.record(
        "cms.site.create",
        site,
        actor=actor,
        changes={
            "after": {
                "home_page": home.pk,
                "hostname": address.hostname,
                "port": address.port,
                "default": address.is_default,
            }
        },
    )
    permissions.resync_site_holders(site)
    return home


def _refresh_wagtail_site(site: Site, *, actor: User | None) -> None:
    wagtail_site, address = site.wagtail_site, hosting.address_of(site)
    wanted = {
        "hostname": address.hostname,
        "port": address.port,
        "site_name": site.name,
        "is_default_site": address.is_default,
    }
    before = {k: getattr(wagtail_site, k) for k in wanted}
    if before == wanted:
        return
    _clear_default_if(address.is_default, keep=wagtail_site.pk)
    for key, value in wanted.items():
        setattr(wagtail_site, key, value)
    wagtail_site.save()
    audit.record("cms.site.update", site, actor=actor, changes={"before": before, "after": wanted})


def _clear_default_if(is_default: bool, keep: int | None = None) -> None:
    if is_default:
        for other in WagtailSite.objects.filter(is_default_site=True).exclude(pk=keep):
            other.is_default_site = False
            other.save(update_fields=["is_default_site"])


def _root() -> Page:
    return Page.get_first_root_node()


@transaction.atomic
def ensure_column_page(column: Column, *, actor: User | None) -> ColumnPage | TopicPage:
    """Return the page of a registry column, creating and publishing it when missing.

    The page goes under the parent column's page (created first if need be) or under the
    site's home page; a topic column gets a TopicPage. Links ``column.page`` through the
    registry service before publishing, so the publish hook finds the link and does not
    create a second column. Records cms.column_page.create; re-syncs the page permissions
    of users holding a grant on the column.
    """
    if column.page_id:
        return column.page.specific
    if actor is not None:
        access.require(actor, "column.change", column)
    # Re-read under a row lock: the caller's copy may predate a page made since.
    locked = Column.objects.select_for_update().select_related("site").get(pk=column.pk)
    if locked.page_id:
        column.page = locked.page
        return locked.page.specific
    site = locked.site
    parent = (
        ensure_column_page(locked.parent, actor=actor)
        if locked.parent_id
        else create_site_home(site, actor=actor)
    )
    model = TopicPage if locked.kind == ColumnKind.TOPIC else ColumnPage
    page = model(
        title=locked.name,
        slug=_free_slug(parent, _slug_of(locked)),
        live=False,
        show_in_menus=locked.parent_id is None,
    )
    parent.add_child(instance=page)
    site_services.update_column(locked, actor=None, page=page)
    column.page = page
    page.save_revision(user=actor).publish(user=actor)
    audit.record(
        "cms.column_page.create",
        page,
        actor=actor,
        changes={"after": {"column": column.pk, "parent_page": parent.pk}},
    )
    permissions.resync_column_holders(column)
    return page


@transaction.atomic
def ensure_site_pages(site: Site, *, actor: User | None) -> HomePage:
    """The site's home page and a page for every registry column that has none yet
    (a site coming onto the platform brings its columns along). Returns the home page."""
    home = create_site_home(site, actor=actor)
    for column in site.columns.filter(page__isnull=True).order_by("pk"):
        ensure_column_page(column, actor=actor)  # re-reads: a child may have made it already
    return home


def _slug_of(column: Column) -> str:
    last = urlparse(column.url).path.rstrip("/").rsplit("/", 1)[-1].lower()
    return last if SLUG_RE.match(last) else f"column-{column.pk}"


def _free_slug(parent: Page, slug: str) -> str:
    taken = set(parent.get_children().filter(slug__startswith=slug).values_list("slug", flat=True))
    candidate, n = slug, 1
    while candidate in taken:
        n += 1
        candidate = f"{slug}-{n}"
    return candidate


@transaction.atomic
def create_article(
    column: Column,
    *,
    actor: User | None,
    title: str,
    body_paragraphs: list[str],
    publish_date: datetime,
    source: str = "",
    author: str = "",
    subtitle: str = "",
    publish: bool = True,
    links: Sequence[tuple[str, str]] = (),
    **disclosure_fields,
) -> ArticlePage:
    """Add an article to a column's page from plain paragraphs; publish it unless told not to.

    ``links`` ((text, href) pairs) become one paragraph of links, e.g. to attachments.
    ``disclosure_fields`` may set index_number, document_number, issuing_agency,
    written_date, validity and keywords. Creates the column page when missing. Records
    cms.article.create (the publish itself is mirrored from Wagtail's log as cms.page.publish).
    """
    if actor is not None:
        access.require(actor, "article.publish" if publish else "article.change", column)
    unknown = set(disclosure_fields) - DISCLOSURE_FIELDS
    if unknown:
        raise GovsiteValidationError("未知的信息字段", f"Unknown article fields: {sorted(unknown)}")
    if disclosure_fields.get("validity") not in (None, "", *Validity.values):
        raise GovsiteValidationError(
            "有效性取值无效", "Validity must be valid, expired or repealed", field="validity"
        )
    title = (title or "").strip()
    if not title:
        raise GovsiteValidationError("标题不能为空", "Title is required", field="title")
    parent = ensure_column_page(column, actor=None)
    body = [("paragraph", RichText(f"<p>{escape(p)}</p>")) for p in body_paragraphs if p.strip()]
    if links:
        anchors = "　".join(f'<a href="{escape(href)}">{escape(text)}</a>' for text, href in links)
        body.append(("paragraph", RichText(f"<p>{anchors}</p>")))
    page = ArticlePage(
        title=title,
        slug=f"{publish_date:%Y%m%d}-{secrets.token_hex(4)}",
        live=False,
        subtitle=subtitle,
        source=source,
        author=author,
        publish_date=publish_date,
        body=body,
        **disclosure_fields,
    )
    parent.add_child(instance=page)
    revision = page.save_revision(user=actor)
    if publish:
        revision.publish(user=actor)
    audit.record(
        "cms.article.create",
        page,
        actor=actor,
        changes={
            "after": {
                "title": title,
                "column": column.pk,
                "publish_date": publish_date.isoformat(),
                "published": publish,
            }
        },
    )
    return page


def article_count(column: Column) -> int:
    """How many articles (live or draft) the column's page holds directly."""
    if not column.page_id:
        return 0
    return ArticlePage.objects.child_of(column.page).count()


@transaction.atomic
def register_page_column(page: ColumnPage | TopicPage, *, actor: User | None) -> Column | None:
    """Bring the registry in step with a column or topic page made or renamed in Wagtail.

    A page without a registry column gets one through ``sites.services.create_column``
    (kind: topic for a topic page, else the parent column's kind or "other"); a linked
    column whose name differs from the page title is renamed. Pages outside an on-platform
    site are left alone. Returns the column, or None.
    """
    column = Column.objects.filter(page_id=page.pk).select_related("site").first()
    if column is not None:
        if column.name != page.title[:NAME_MAX]:
            site_services.update_column(column, actor=actor, name=page.title[:NAME_MAX])
        return column
    parent_page = page.get_parent()
    parent_column = Column.objects.filter(page_id=parent_page.pk).first()
    site = parent_column.site if parent_column else _site_of_home(parent_page)
    if site is None:
        return None
    kind = (
        ColumnKind.TOPIC
        if isinstance(page, TopicPage)
        else parent_column.kind
        if parent_column
        else ColumnKind.OTHER
    )
    return site_services.create_column(
        site,
        actor=actor,
        name=page.title[:NAME_MAX],
        kind=kind,
        url=_column_url(site, page),
        parent=parent_column,
        page=page,
    )


def _site_of_home(page: Page) -> Site | None:
    return Site.objects.filter(wagtail_site__root_page_id=page.pk, on_platform=True).first()


def _column_url(site: Site, page: Page) -> str:
    home = site.wagtail_site.root_page
    relative = page.url_path[len(home.url_path) - 1 :]
    return f"{site.url.rstrip('/')}{relative}"


IDENTITY_FIELDS = frozenset(
    {
        "undertaker",
        "contact_phone",
        "contact_email",
        "contact_address",
        "postcode",
        "party_gov_badge_url",
        "error_report_url",
    }
)


@transaction.atomic
def update_site_identity(site: Site, *, actor: User | None, **fields) -> SiteIdentitySettings:
    """Set an on-platform site's footer contact details and identity links.

    Records cms.site_identity.update with the before/after of what changed; writes nothing
    (and no audit record) when nothing changes.
    """
    if actor is not None:
        access.require(actor, "site.change", site)
    unknown = set(fields) - IDENTITY_FIELDS
    if unknown:
        raise GovsiteValidationError(
            "未知的网站标识字段", f"Unknown identity fields: {sorted(unknown)}"
        )
    if site.wagtail_site_id is None:
        raise GovsiteValidationError(
            f"网站“{site.name}”不在平台内，没有页脚设置",
            f"Site {site.name!r} is not on the platform",
        )
    identity = SiteIdentitySettings.for_site(site.wagtail_site)
    before = {k: getattr(identity, k) for k in fields}
    if before == fields:
        return identity
    for key, value in fields.items():
        setattr(identity, key, value)
    try:
        identity.full_clean()
    except ValidationError as exc:
        detail = "；".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())
        raise GovsiteValidationError(
            "网站标识设置有误：" + detail, "Invalid identity settings: " + detail
        ) from exc
    identity.save()
    audit.record(
        "cms.site_identity.update", site, actor=actor, changes={"before": before, "after": fields}
    )
    return identity
