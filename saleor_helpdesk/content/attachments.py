"""Checking and storing uploaded files.

What reaches storage is decided here, from the bytes: the type is sniffed, the size
measured, and the stored name built from ids. The uploader's filename survives only as
display text, cleaned of path parts and of characters that disguise a name.
"""

import hashlib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.files.base import ContentFile, File

from ..core.error_codes import HelpdeskErrorCode
from ..core.errors import field_error
from ..models import ChannelSettings
from .filetypes import sniff_content_type

SNIFF_BYTES = 2048
MAX_DISPLAY_NAME = 200
# Right-to-left overrides and other bidi controls let "gpj.exe" read as "exe.jpg";
# zero-width characters hide text. Neither belongs in a file name.
_INVISIBLE = {
    "\u200b",
    "\u200c",
    "\u200d",
    "\u200e",
    "\u200f",
    "\u2060",
    "\ufeff",
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u202e",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
}


def clean_display_name(name: str | None) -> str:
    """A filename safe to show: last path part, no controls or invisible characters.

    A NUL (U+0000, a control) is dropped like the others rather than refused: the name
    comes from the sender's file system, where the customer may not be able to change
    it, and it is only shown. (Django's multipart parser drops it already.)"""
    raw = (name or "").replace("\\", "/").split("/")[-1]
    cleaned = "".join(
        ch
        for ch in unicodedata.normalize("NFC", raw)
        if ch not in _INVISIBLE and unicodedata.category(ch) not in ("Cc", "Cf", "Cs")
    ).strip(" .")
    return cleaned[:MAX_DISPLAY_NAME] or "attachment"


@dataclass(frozen=True)
class CheckedFile:
    content: bytes
    display_name: str
    content_type: str
    sha256: str

    @property
    def size(self) -> int:
        return len(self.content)


def check_files(
    files: Sequence[File],
    *,
    policy: ChannelSettings,
    already_on_ticket: int,
    field: str = "attachments",
) -> list[CheckedFile]:
    """Validate every upload against the channel's policy; raise before storing any."""
    if not files:
        return []
    if not policy.attachments_allowed:
        raise field_error(
            field,
            "This shop does not accept attachments.",
            HelpdeskErrorCode.ATTACHMENTS_DISABLED,
        )
    if len(files) > policy.max_attachments_per_comment:
        raise field_error(
            field,
            f"At most {policy.max_attachments_per_comment} files can be attached at once.",
            HelpdeskErrorCode.TOO_MANY_FILES,
        )
    if already_on_ticket + len(files) > policy.max_attachments_per_ticket:
        raise field_error(
            field,
            f"A ticket can hold at most {policy.max_attachments_per_ticket} files.",
            HelpdeskErrorCode.TOO_MANY_FILES,
        )
    return [_check_one(upload, policy, field) for upload in files]


def _check_one(upload: File, policy: ChannelSettings, field: str) -> CheckedFile:
    display_name = clean_display_name(upload.name)
    declared_size = getattr(upload, "size", None)
    if declared_size is not None and declared_size > policy.max_attachment_size:
        raise _too_large(field, display_name, policy)
    upload.seek(0)
    # Read one byte past the limit: a client may lie about the size.
    content = upload.read(policy.max_attachment_size + 1)
    if len(content) > policy.max_attachment_size:
        raise _too_large(field, display_name, policy)
    if not content:
        raise field_error(
            field, f"The file '{display_name}' is empty.", HelpdeskErrorCode.FILE_EMPTY
        )
    content_type = sniff_content_type(content[:SNIFF_BYTES])
    if content_type not in policy.allowed_content_types:
        raise field_error(
            field,
            f"The file '{display_name}' is of a type this shop does not accept "
            f"({content_type}).",
            HelpdeskErrorCode.UNSUPPORTED_FILE_TYPE,
        )
    return CheckedFile(
        content=content,
        display_name=display_name,
        content_type=content_type,
        sha256=hashlib.sha256(content).hexdigest(),
    )


def _too_large(field: str, name: str, policy: ChannelSettings) -> Exception:
    return field_error(
        field,
        f"The file '{name}' is larger than {human_size(policy.max_attachment_size)}.",
        HelpdeskErrorCode.FILE_TOO_LARGE,
    )


def human_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} bytes"


def as_content_file(checked: CheckedFile) -> ContentFile:
    # The name given here is ignored by `attachment_path`; it only satisfies Django.
    return ContentFile(checked.content, name="upload")
