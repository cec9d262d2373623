"""What people write and upload: comment bodies sanitised on the way in (`sanitize`),
merchant text with placeholders (`templates_render`), uploaded files checked by their
bytes (`filetypes`, `attachments`) and kept in private storage (`storage`)."""
