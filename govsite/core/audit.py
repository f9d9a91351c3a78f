"""The tamper-evident audit trail: append a record, verify the chain (security.md C.19-21)."""

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from . import context
from .models import AuditHead, AuditRecord, RoleGrant, User
from .sm3 import hmac_sm3_hex

GENESIS = "0" * 64


def _key() -> bytes:
    return settings.CORE_AUDIT_HMAC_KEY.encode()


def canonical(rec: AuditRecord) -> bytes:
    body = {
        "seq": rec.seq,
        "time": rec.time.astimezone(UTC).isoformat(timespec="microseconds"),
        "actor": rec.actor_id,
        "actor_name": rec.actor_name,
        "actor_roles": rec.actor_roles,
        "ip": rec.ip,
        "action": rec.action,
        "outcome": rec.outcome,
        "object_type": rec.object_type,
        "object_id": rec.object_id,
        "object_repr": rec.object_repr,
        "changes": rec.changes,
        "request_id": rec.request_id,
        "prev": rec.prev_hash,
    }
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def compute_hash(rec: AuditRecord) -> str:
    return hmac_sm3_hex(_key(), canonical(rec))


def _describe(obj) -> tuple[str, str, str]:
    if obj is None:
        return "", "", ""
    if isinstance(obj, models.Model):
        return obj._meta.label_lower, str(obj.pk), str(obj)[:200]
    return type(obj).__name__, "", str(obj)[:200]


def _roles_of(user_id: int | None) -> str:
    if not user_id:
        return ""
    roles = sorted(set(RoleGrant.objects.filter(user_id=user_id).values_list("role", flat=True)))
    return ",".join(roles)


def record(
    action: str,
    obj=None,
    *,
    actor: User | None = None,
    changes: dict | None = None,
    outcome: str = AuditRecord.Outcome.SUCCESS,
    actor_name: str = "",
    ip: str | None = None,
) -> AuditRecord:
    """Append one audit record to the chain and return it.

    The actor and IP default to the current request's (``context``). Holds a row lock on the
    chain head, so records are appended one at a time in every database.
    """
    ctx = context.current()
    actor_id = actor.pk if actor is not None else ctx.user_id
    if actor is not None and not actor_name:
        actor_name = actor.get_username()
    elif actor_id and not actor_name:
        actor_name = (
            User.objects.filter(pk=actor_id).values_list("username", flat=True).first() or ""
        )
    object_type, object_id, object_repr = _describe(obj)
    with transaction.atomic():
        head, _ = AuditHead.objects.select_for_update().get_or_create(
            pk=1, defaults={"seq": 0, "hash": GENESIS}
        )
        rec = AuditRecord(
            seq=head.seq + 1,
            time=timezone.now(),
            actor_id=actor_id,
            actor_name=actor_name[:150],
            actor_roles=_roles_of(actor_id),
            ip=ip or ctx.ip,
            action=action,
            outcome=outcome,
            object_type=object_type,
            object_id=object_id,
            object_repr=object_repr,
            changes=_jsonable(changes or {}),
            request_id=ctx.request_id,
            prev_hash=head.hash,
        )
        rec.hash = compute_hash(rec)
        rec.save()
        AuditHead.objects.filter(pk=1).update(seq=rec.seq, hash=rec.hash)
    return rec


def _jsonable(value):
    return json.loads(json.dumps(value, ensure_ascii=False, default=str))


@dataclass(frozen=True)
class ChainBreak:
    seq: int
    record_id: int | None
    problem: str  # edited | deleted | inserted | head

    def describe(self) -> str:
        zh = {
            "edited": "记录内容被修改",
            "deleted": "此前的记录被删除",
            "inserted": "记录被插入或顺序被改动",
            "head": "链尾与最后一条记录不符（末尾记录被删除）",
        }[self.problem]
        return f"#{self.seq} (id {self.record_id}): {zh} / record {self.problem}"


def verify(batch_size: int = 2000) -> list[ChainBreak]:
    """Walk the chain in ``seq`` order and name every record that breaks it.

    A record whose own HMAC fails was edited, unless it also fails to link to its
    predecessor or lies beyond the chain head, in which case it was inserted. A record that
    is intact but does not link to its predecessor follows a deletion (a gap in ``seq``) or
    an insertion/reordering (no gap).
    """
    head = AuditHead.objects.filter(pk=1).first()
    head_seq = head.seq if head else 0
    breaks: list[ChainBreak] = []
    expected_seq, prev_hash = 1, GENESIS
    for rec in _iter_records(batch_size):
        linked = rec.prev_hash == prev_hash and rec.seq == expected_seq
        if compute_hash(rec) != rec.hash:
            problem = "edited" if linked and rec.seq <= head_seq else "inserted"
            breaks.append(ChainBreak(rec.seq, rec.pk, problem))
        elif not linked:
            problem = "deleted" if rec.seq > expected_seq else "inserted"
            breaks.append(ChainBreak(rec.seq, rec.pk, problem))
        expected_seq, prev_hash = rec.seq + 1, rec.hash
    if head is not None and expected_seq - 1 < head.seq:
        breaks.append(ChainBreak(head.seq, None, "head"))
    return breaks


def _iter_records(batch_size: int) -> Iterator[AuditRecord]:
    last = 0
    while True:
        batch = list(AuditRecord.objects.filter(seq__gt=last).order_by("seq")[:batch_size])
        if not batch:
            return
        yield from batch
        last = batch[-1].seq
