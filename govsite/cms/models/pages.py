"""The page tree of an on-platform site: home → columns (栏目) and topics (专题) → articles."""

from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.documents import get_document_model_string
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .. import conf, meta, presentation
from ..blocks import ArticleBodyBlock


class GovPage(Page):
    """Behaviour shared by every page of a government site: identity context, meta tags,
    the large-print mode."""

    keywords = models.CharField(_("keywords"), max_length=200, blank=True)

    promote_panels = [*Page.promote_panels, FieldPanel("keywords")]

    class Meta:
        abstract = True

    def serve(self, request, *args, **kwargs):
        presentation.read_large_print(request)
        response = super().serve(request, *args, **kwargs)
        presentation.remember_large_print(request, response)
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(presentation.page_context(self, request))
        context["meta_tags"] = self.meta_tags(context)
        return context

    def meta_tags(self, context) -> meta.Tags:
        return meta.site_tags(context["registry_site"]) + meta.page_tags(
            keywords=self.keywords, description=self.search_description
        )


class HomePage(GovPage):
    """The root page of one on-platform site (a Wagtail site's root page)."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["cms.ColumnPage", "cms.TopicPage"]

    class Meta:
        verbose_name = _("site homepage")
        verbose_name_plural = _("site homepages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = presentation.home_sections(context["nav_pages"])
        return context


class ColumnLike(GovPage):
    """A page standing for one registry column; its meta tags name the column."""

    intro = models.TextField(_("introduction"), blank=True)

    class Meta:
        abstract = True

    def meta_tags(self, context) -> meta.Tags:
        column = context.get("registry_column")
        return (
            meta.site_tags(context["registry_site"])
            + meta.column_tags(
                self.title,
                column.kind if column else None,
                description=self.search_description,
                keywords=self.keywords,
            )
            + meta.page_tags(keywords=self.keywords, description=self.search_description)
        )


class ColumnPage(ColumnLike):
    """A column (栏目): lists its articles newest first, a page at a time."""

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage", "cms.ColumnPage", "cms.TopicPage"]
    subpage_types = ["cms.ColumnPage", "cms.ArticlePage"]

    class Meta:
        verbose_name = _("column page")
        verbose_name_plural = _("column pages")

    def articles(self):
        return ArticlePage.objects.child_of(self).live().order_by("-publish_date", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.articles(), conf.get("CMS_ARTICLES_PER_PAGE"))
        context["articles"] = paginator.get_page(request.GET.get("page"))
        context["subcolumns"] = self.get_children().live().not_type(ArticlePage)
        return context


class TopicPage(ColumnLike):
    """A topic (专题专栏): a banner, an introduction and its own columns and articles."""

    banner = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("banner image"),
    )
    body = StreamField(ArticleBodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("banner"),
        FieldPanel("body"),
    ]
    parent_page_types = ["cms.HomePage", "cms.ColumnPage"]
    subpage_types = ["cms.ColumnPage", "cms.ArticlePage"]

    class Meta:
        verbose_name = _("topic page")
        verbose_name_plural = _("topic pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        columns = self.get_children().live().type(ColumnPage)
        context["sections"] = presentation.home_sections(columns)
        articles = ArticlePage.objects.child_of(self).live().order_by("-publish_date")
        context["articles"] = articles[: conf.get("CMS_ARTICLES_PER_PAGE")]
        return context


class Validity(models.TextChoices):
    VALID = "valid", _("In force")
    EXPIRED = "expired", _("Expired")
    REPEALED = "repealed", _("Repealed")


# Public pages are written in Chinese whatever the visitor's browser asks for.
VALIDITY_ZH = {Validity.VALID: "有效", Validity.EXPIRED: "失效", Validity.REPEALED: "废止"}


class ArticlePage(GovPage):
    """An article (信息); the optional fields describe an item of government information
    disclosure (索引号, 文号, 发布机构, 成文日期, 有效性)."""

    subtitle = models.CharField(_("subtitle"), max_length=200, blank=True)
    source = models.CharField(_("source"), max_length=100, blank=True)
    author = models.CharField(_("author"), max_length=100, blank=True)
    publish_date = models.DateTimeField(_("publish date"), default=timezone.now, db_index=True)
    body = StreamField(ArticleBodyBlock(), blank=True, verbose_name=_("body"))
    index_number = models.CharField(_("index number"), max_length=64, blank=True)
    document_number = models.CharField(_("document number"), max_length=64, blank=True)
    issuing_agency = models.CharField(_("issuing agency"), max_length=128, blank=True)
    written_date = models.DateField(_("written date"), null=True, blank=True)
    validity = models.CharField(_("validity"), max_length=16, choices=Validity.choices, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("subtitle"),
        MultiFieldPanel(
            [FieldPanel("publish_date"), FieldPanel("source"), FieldPanel("author")],
            heading=_("Publication"),
        ),
        FieldPanel("body"),
        InlinePanel("attachments", label=_("Attachments")),
        MultiFieldPanel(
            [
                FieldPanel("index_number"),
                FieldPanel("document_number"),
                FieldPanel("issuing_agency"),
                FieldPanel("written_date"),
                FieldPanel("validity"),
            ],
            heading=_("Information disclosure"),
            classname="collapsed",
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("subtitle"),
        index.SearchField("body"),
        index.FilterField("publish_date"),
    ]
    parent_page_types = ["cms.ColumnPage", "cms.TopicPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    @property
    def is_disclosure_item(self) -> bool:
        return bool(self.index_number or self.document_number or self.issuing_agency)

    @property
    def validity_zh(self) -> str:
        return VALIDITY_ZH.get(self.validity, "")

    def meta_tags(self, context) -> meta.Tags:
        column, parent = context.get("registry_column"), context.get("parent_column_page")
        column_tags = (
            meta.column_tags(parent.title, column.kind if column else None) if parent else []
        )
        content = meta.content_tags(
            title=self.title,
            published=self.publish_date,
            source=self.source,
            author=self.author,
            keywords=self.keywords,
            description=self.search_description,
        )
        return meta.site_tags(context["registry_site"]) + column_tags + content


class ArticleAttachment(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        get_document_model_string(),
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("document"),
    )
    title = models.CharField(
        _("link text"),
        max_length=200,
        blank=True,
        help_text=_("Leave empty to use the document's title."),
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    @property
    def link_text(self) -> str:
        return self.title or self.document.title
