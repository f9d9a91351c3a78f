"""monitoring's part of the permission matrix: its capabilities as reviewed, and who may see,
review, patrol and be alerted about which site."""

import pytest

from govsite.core import access as core_access
from govsite.core.roles import CAPABILITIES
from govsite.monitoring import access, services

pytestmark = pytest.mark.django_db

# The monitoring capabilities as reviewed (security.md B.16). Changing one of them in
# roles.CAPABILITIES must change this golden copy in the same commit.
PA, SA, ED, REV, VEN, INS = (
    "platform_admin", "site_admin", "editor", "reviewer", "vendor_engineer", "inspector",
)  # fmt: skip
GOLDEN = {
    "finding.view": {PA, SA, ED, REV, VEN, INS},
    "finding.review": {PA, INS},
    "patrol.run": {PA, INS, SA},
    "alert.receive": {PA, INS, SA},
}

# who -> sites whose findings they see / may review / may patrol now
EXPECTED = {
    "platform_admin": ("portal edu fin hz_edu", "portal edu fin hz_edu", "portal edu fin hz_edu"),
    "inspector": ("portal edu fin hz_edu", "portal edu fin hz_edu", "portal edu fin hz_edu"),
    "sponsor_admin": ("edu", "", "edu"),
    "sponsor_editor": ("edu", "", ""),
    "sponsor_reviewer": ("edu", "", ""),
    "vendor_engineer": ("edu", "", ""),
    "fin_editor": ("fin", "", ""),
    "department_editor": ("", "", ""),  # a column grant shows none of the portal's findings
    "security_admin": ("", "", ""),
    "auditor": ("", "", ""),
    "citizen": ("", "", ""),
}
SITES = ("portal", "edu", "fin", "hz_edu")


def test_capability_table_matches_the_reviewed_copy():
    assert {cap: set(CAPABILITIES[cap]) for cap in GOLDEN} == GOLDEN


@pytest.mark.parametrize("who", sorted(EXPECTED))
def test_who_sees_reviews_and_patrols_which_site(cast, sites, who):
    user = cast[who]
    see, review, patrol = (set(s.split()) for s in EXPECTED[who])
    visible = set(access.monitored_sites_visible_to(user).values_list("pk", flat=True))
    assert visible == {sites[k].pk for k in see}
    assert {k for k in SITES if core_access.can(user, "finding.review", sites[k])} == review
    assert {k for k in SITES if core_access.can(user, "patrol.run", sites[k])} == patrol


def test_alerts_go_to_the_responsible_not_to_every_reader(cast, sites):
    for who in ("inspector", "sponsor_admin", "sponsor_editor", "fin_editor", "platform_admin"):
        cast[who].email = f"{who}@zj.gov.cn"
        cast[who].save()
    assert services.alert_recipients(sites["edu"]) == [
        "inspector@zj.gov.cn", "platform_admin@zj.gov.cn", "sponsor_admin@zj.gov.cn",
    ]  # fmt: skip
    assert services.alert_recipients(sites["fin"]) == [
        "inspector@zj.gov.cn", "platform_admin@zj.gov.cn",
    ]  # fmt: skip
