"""Where attachments live: private storage, never a public URL.

The storage is looked up in Django's `STORAGES` by alias, first `helpdesk` (a merchant
may point it at a private S3 bucket), then `private` (Saleor's private storage); without
either, files go below `PRIVATE_MEDIA_ROOT` (or `<BASE_DIR>/private-media`) on disk with
no base URL, so no web server serves them. Files reach a reader only through the
helpdesk's authorised download view.
"""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.core.files.storage.handler import InvalidStorageError

STORAGE_ALIASES = ("helpdesk", "private")


def attachment_storage() -> Storage:
    for alias in STORAGE_ALIASES:
        try:
            return storages[alias]
        except InvalidStorageError:
            continue
    root = getattr(settings, "PRIVATE_MEDIA_ROOT", None) or (
        Path(getattr(settings, "BASE_DIR", ".")) / "private-media"
    )
    return PrivateFileSystemStorage(location=str(root))


class PrivateFileSystemStorage(FileSystemStorage):
    """Files on disk that have no URL: asking for one is a programming error."""

    def url(self, name: str | None) -> str:
        raise NotImplementedError("Helpdesk attachments are private and have no URL.")
