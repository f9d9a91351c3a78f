"""Where the Wagtail site of a registry site answers: hostname, port, default or not.

Production answers on the registry's main domain, port 80. The demo serves every site from
one local server, so a site with a ``*.localhost`` domain answers there instead
(``http://hangzhou.localhost:8000/``); browsers resolve ``*.localhost`` to the loopback.
"""

from dataclasses import dataclass

from govsite.core.models import Region
from govsite.sites.models import Site

from . import conf

LOCAL_SUFFIX = ".localhost"


@dataclass(frozen=True)
class Address:
    hostname: str
    port: int
    is_default: bool


def address_of(site: Site) -> Address:
    local = (
        site.domains.filter(domain__endswith=LOCAL_SUFFIX)
        .order_by("-is_main", "domain")
        .values_list("domain", flat=True)
        .first()
    )
    if local:
        host, port = _split(local, conf.get("CMS_LOCAL_PORT"))
    else:
        host, port = _split(site.domain, 80)
    return Address(host, port, is_province_portal(site))


def is_province_portal(site: Site) -> bool:
    """The province's own portal is the Wagtail default site (served for unknown hosts)."""
    return site.kind == Site.Kind.PORTAL and site.region.level == Region.Level.PROVINCE


def _split(domain: str, default_port: int) -> tuple[str, int]:
    host, _, port = domain.partition(":")
    return host, int(port) if port else default_port
