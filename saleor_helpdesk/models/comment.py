import uuid

from django.conf import settings
from django.db import models

from ..content.filetypes import EXTENSION_BY_TYPE
from ..content.storage import attachment_storage
from ..core.constants import AuthorType, CommentMedium, CommentVisibility
from .ticket import Ticket


class Comment(models.Model):
    ticket = models.ForeignKey(
        Ticket, on_delete=models.CASCADE, related_name="comments"
    )
    author_type = models.CharField(max_length=16, choices=AuthorType.choices)
    author_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    author_app = models.ForeignKey(
        "app.App", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Shown for guests and after a user is deleted; never used to authorise anything.
    author_name = models.CharField(max_length=256, blank=True)
    body = models.TextField()
    visibility = models.CharField(
        max_length=16,
        choices=CommentVisibility.choices,
        default=CommentVisibility.PUBLIC,
    )
    medium = models.CharField(
        max_length=16, choices=CommentMedium.choices, default=CommentMedium.STOREFRONT
    )
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("created_at", "pk")
        indexes = [
            models.Index(
                fields=["ticket", "visibility", "created_at"],
                name="helpdesk_comment_thread_idx",
            )
        ]

    @property
    def is_internal(self) -> bool:
        return self.visibility == CommentVisibility.INTERNAL


def attachment_path(instance: "Attachment", filename: str) -> str:
    # The stored name never derives from what the uploader sent: only ids and the
    # extension of the sniffed type reach the storage backend.
    return f"helpdesk/{instance.ticket_id}/{instance.uuid}{instance.extension}"


class Attachment(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    ticket = models.ForeignKey(
        Ticket, on_delete=models.CASCADE, related_name="attachments"
    )
    comment = models.ForeignKey(
        Comment,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="attachments",
    )
    file = models.FileField(
        upload_to=attachment_path, storage=attachment_storage, max_length=255
    )
    display_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=128)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    visibility = models.CharField(
        max_length=16,
        choices=CommentVisibility.choices,
        default=CommentVisibility.PUBLIC,
    )
    uploaded_by_type = models.CharField(max_length=16, choices=AuthorType.choices)
    uploaded_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # When the file was deleted from storage (erasure or retention); the row stays so
    # the thread can show "attachment removed" and statistics keep their counts.
    removed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("created_at", "pk")

    @property
    def is_removed(self) -> bool:
        return self.removed_at is not None

    @property
    def extension(self) -> str:
        return EXTENSION_BY_TYPE.get(self.content_type, ".bin")
