"""The audit trail is a chain: verification names an edited, a deleted and an inserted record."""

import pytest
from django.core.management import call_command
from django.db import connection

from govsite.core import audit
from govsite.core.models import AuditRecord


def _records(n):
    return [
        audit.record("core.test.event", None, actor_name=f"u{i}", changes={"i": i})
        for i in range(n)
    ]


def _sql(statement, params):
    with connection.cursor() as cur:
        cur.execute(statement, params)


@pytest.mark.django_db
def test_intact_chain_verifies():
    _records(5)
    assert audit.verify() == []


@pytest.mark.django_db
def test_sm3_known_answer():
    from govsite.core.sm3 import sm3_hex

    assert sm3_hex(b"abc") == "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"


@pytest.mark.django_db
def test_edited_record_is_named():
    recs = _records(5)
    _sql("UPDATE core_auditrecord SET object_repr = %s WHERE id = %s", ["改过", recs[2].pk])
    breaks = audit.verify()
    assert [(b.seq, b.problem) for b in breaks] == [(recs[2].seq, "edited")]


@pytest.mark.django_db
def test_deleted_record_is_named_by_its_successor():
    recs = _records(5)
    _sql("DELETE FROM core_auditrecord WHERE id = %s", [recs[2].pk])
    breaks = audit.verify()
    assert [(b.seq, b.problem) for b in breaks] == [(recs[3].seq, "deleted")]


@pytest.mark.django_db
def test_deleted_last_record_is_noticed():
    recs = _records(3)
    _sql("DELETE FROM core_auditrecord WHERE id = %s", [recs[-1].pk])
    assert [b.problem for b in audit.verify()] == ["head"]


@pytest.mark.django_db
def test_inserted_record_is_named():
    recs = _records(3)
    forged = AuditRecord(
        seq=recs[-1].seq + 1,
        time=recs[-1].time,
        action="core.test.forged",
        outcome="success",
        prev_hash=recs[-1].hash,
        hash="f" * 64,
        actor_name="mallory",
    )
    forged.save()
    breaks = audit.verify()
    assert [(b.seq, b.problem) for b in breaks] == [(forged.seq, "inserted")]


@pytest.mark.django_db
def test_reordered_records_are_named():
    recs = _records(4)
    a, b = recs[1], recs[2]
    _sql("UPDATE core_auditrecord SET seq = %s WHERE id = %s", [1000, a.pk])
    _sql("UPDATE core_auditrecord SET seq = %s WHERE id = %s", [a.seq, b.pk])
    _sql("UPDATE core_auditrecord SET seq = %s WHERE id = %s", [b.seq, a.pk])
    named = {x.record_id for x in audit.verify()}
    assert {a.pk, b.pk} <= named


@pytest.mark.django_db
def test_records_cannot_be_changed_through_the_orm():
    rec = _records(1)[0]
    rec.object_repr = "x"
    with pytest.raises(TypeError):
        rec.save()
    with pytest.raises(TypeError):
        AuditRecord.objects.all().delete()
    with pytest.raises(TypeError):
        AuditRecord.objects.update(action="x")


@pytest.mark.django_db
def test_verify_command_exits_nonzero_and_names_the_record(capsys):
    recs = _records(3)
    _sql("UPDATE core_auditrecord SET action = %s WHERE id = %s", ["core.x.y", recs[1].pk])
    with pytest.raises(SystemExit) as exc:
        call_command("audit", "verify")
    assert exc.value.code == 1
    out = capsys.readouterr().out
    assert f"#{recs[1].seq}" in out and "edited" in out
