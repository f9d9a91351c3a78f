"""Defaults of the cms app; each can be overridden in settings under the same name."""

from django.conf import settings

DEFAULTS = {
    # Port of the local development server; a site with a "*.localhost" domain is served there.
    "CMS_LOCAL_PORT": 8000,
    "CMS_ARTICLES_PER_PAGE": 20,
    "CMS_HOME_ITEMS_PER_COLUMN": 7,
    # Defaults of the footer links when a site has not set its own (official-rules.md §2.3).
    "CMS_ERROR_REPORT_URL": "https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code={site_code}",
    "CMS_PARTY_GOV_BADGE_URL": "https://bszs.conac.cn/",
    "CMS_ICP_URL": "https://beian.miit.gov.cn/",
    "CMS_POLICE_RECORD_URL": "https://beian.mps.gov.cn/#/query/webSearch?code={number}",
}


def get(name: str):
    return getattr(settings, name, DEFAULTS[name])
