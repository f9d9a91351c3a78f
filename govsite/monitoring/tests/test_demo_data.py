"""The demo's call: every open site gets a probe and a patrol run, the external ones over
HTTP where they answer, the on-platform ones as Django renders them."""

import pytest

from govsite.monitoring.demo_data import patrol_demo_sites
from govsite.monitoring.models import Finding, PatrolRun, ProbeResult
from govsite.sites import services as site_services
from govsite.sites.models import Site

from .conftest import TODAY


@pytest.fixture
def hosted(province):
    """An on-platform site with its *.localhost alias (as the demo registers them)."""
    return site_services.register_site(
        actor=None,
        name="浙江省审计厅网站",
        domain="sjt.zj.gov.cn",
        aliases=["sjt-zj.localhost"],
        site_code="3300000009",
        sponsor=province["gov"],
        kind="department",
        status=Site.Status.OPEN,
        on_platform=True,
        icp_number="浙ICP备05070218号",
    )


# serialized_rollback: the test database's first contents (regions, Wagtail's root page,
# content types) come back before this test, whatever an earlier transactional test flushed.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_open_site_gets_a_probe_and_a_patrol(sites, hosted, tiny_site, settings):
    settings.MONITORING_PATROL_CONCURRENCY = 2
    for key in ("portal", "edu"):
        site_services.transition_site(sites[key], actor=None, to_status="closed")
    site_services.update_site(sites["fin"], actor=None, home_url=tiny_site.url)
    summary = patrol_demo_sites(today=TODAY)
    assert summary.sites == 3 and summary.runs == 3
    assert summary.unreachable == ["杭州市教育局网站"]  # its home_url is a closed port
    assert PatrolRun.objects.count() == ProbeResult.objects.count() == 3
    run = PatrolRun.objects.get(site=hosted)
    assert run.status == "done" and run.stats["pages"] >= 1
    probe = ProbeResult.objects.get(site=hosted)
    assert probe.ok and probe.url == "http://sjt-zj.localhost:8000/"
    # findings carry the address the site has when the demo server runs
    urls = Finding.objects.filter(site=hosted).values_list("url", flat=True)
    assert all(u.startswith("http://sjt-zj.localhost:8000/") for u in urls)
    assert run.document()["site"] == "http://sjt-zj.localhost:8000/"
    assert Finding.objects.filter(site=sites["fin"], kind="sensitive_word").count() == 2
