"""Where attachments live: private storage, never a public URL.

In order:
1. `STORAGES["helpdesk"]`: a merchant's own choice (e.g. a private S3 bucket).
2. Saleor's `PRIVATE_FILE_STORAGE` when it is a cloud class (S3, GCS, Azure private
   buckets). Saleor's default for it is a plain `FileSystemStorage` below `MEDIA_ROOT`,
   which web servers commonly publish, so that one is not used.
3. A folder on disk that has no URL: `HELPDESK_PRIVATE_MEDIA_ROOT`, else
   `PRIVATE_MEDIA_ROOT`, else `<BASE_DIR>/private-media`.
Files reach a reader only through the helpdesk's authorised download view.
"""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.core.files.storage.handler import InvalidStorageError
from django.core.signals import setting_changed
from django.utils.functional import cached_property
from django.utils.module_loading import import_string

from ..core import conf

PLAIN_FILE_SYSTEM = "django.core.files.storage.FileSystemStorage"


def private_media_root() -> str:
    root = (
        conf.text("HELPDESK_PRIVATE_MEDIA_ROOT")
        or getattr(settings, "PRIVATE_MEDIA_ROOT", None)
        or Path(getattr(settings, "BASE_DIR", ".")) / "private-media"
    )
    return str(root)


class PrivateFileSystemStorage(FileSystemStorage):
    """Files on disk that have no URL: asking for one is a programming error.

    Without an explicit location the folder is read from the settings when first used,
    and again after they change (as `FileSystemStorage` does for `MEDIA_ROOT`): the
    model field calls `attachment_storage` once, at import, and must not freeze it.
    """

    def __init__(self, location: str | None = None, **kwargs: Any) -> None:
        super().__init__(location, **kwargs)
        self._fixed_location = location
        setting_changed.connect(self._forget_location)

    @cached_property
    def base_location(self) -> str:
        return self._fixed_location or private_media_root()

    def _forget_location(self, setting: str, **kwargs: Any) -> None:
        if setting in ("HELPDESK_PRIVATE_MEDIA_ROOT", "PRIVATE_MEDIA_ROOT", "BASE_DIR"):
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)

    def url(self, name: str | None) -> str:
        raise NotImplementedError("Helpdesk attachments are private and have no URL.")


def attachment_storage() -> Storage:
    try:
        return storages["helpdesk"]
    except InvalidStorageError:
        pass
    private = getattr(settings, "PRIVATE_FILE_STORAGE", None)
    if private and private != PLAIN_FILE_SYSTEM and "FileSystem" not in private:
        return import_string(private)()
    return PrivateFileSystemStorage()
