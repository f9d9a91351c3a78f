"""Wagtail's own log entries (publish, unpublish, workflow steps, edits, settings changes)
mirrored into the tamper-evident audit chain, so no admin action escapes it.

``wagtail.publish`` on a page becomes ``cms.page.publish``; on any other model
``cms.model.publish``. The Wagtail entry's id, revision and data travel in ``changes``.
"""

from django.db.models.signals import post_save
from wagtail.models import ModelLogEntry, Page, PageLogEntry

from govsite.core import audit
from govsite.core.models import User


def _mirror(sender, instance, created, **kwargs) -> None:
    if not created:
        return
    entry = instance
    prefix = "cms.page." if isinstance(entry, PageLogEntry) else "cms.model."
    action = (prefix + entry.action.removeprefix("wagtail."))[:64]
    actor = User.objects.filter(pk=entry.user_id).first() if entry.user_id else None
    audit.record(
        action,
        _subject(entry),
        actor=actor,
        changes={
            "wagtail_action": entry.action,
            "log_entry": entry.pk,
            "object_type": entry.content_type.model if entry.content_type_id else "",
            "revision": entry.revision_id,
            "content_changed": entry.content_changed,
            "data": entry.data,
        },
    )


def _subject(entry):
    if isinstance(entry, PageLogEntry):
        # An unsaved stand-in: the audit record needs only the id and the title.
        return Page(pk=entry.page_id, title=entry.label)
    return entry  # "ModelLogEntry 7: 'wagtail.edit' on 'site identity' with id 3"


def connect() -> None:
    post_save.connect(_mirror, sender=PageLogEntry, dispatch_uid="cms.logmirror.page")
    post_save.connect(_mirror, sender=ModelLogEntry, dispatch_uid="cms.logmirror.model")
