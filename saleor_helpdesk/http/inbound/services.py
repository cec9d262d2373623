"""The e-mail services whose inbound webhooks the helpdesk takes, through anymail's own
views and signature checks, and the secrets each one needs.

The secrets are the helpdesk's deployment settings, never Saleor's `ANYMAIL`: the
dictionary `HELPDESK_ANYMAIL` (a Django setting, or the environment variable holding a
JSON object) with anymail's own key names (`WEBHOOK_SECRET`,
`MAILGUN_WEBHOOK_SIGNING_KEY`, …), and for each text key a variable of its own,
`HELPDESK_ANYMAIL_<KEY>`, which wins (a secrets manager sets one variable per secret).
Each view gets them as constructor arguments, so anymail needs no settings of its own
and no place in INSTALLED_APPS.

A webhook is taken only when it can be proven to come from the service: by the
service's signature where it signs (Mailgun, Mandrill, Postal, MailerSend; Mailtrap and
Resend when their signing secret is set), otherwise by HTTP basic auth
(`WEBHOOK_SECRET`, `"user:password"` or a list of them, in the URL given to the
service). A service whose proof is not configured refuses every message.
"""

from dataclasses import dataclass
from typing import Any

from anymail.webhooks.amazon_ses import AmazonSESInboundWebhookView
from anymail.webhooks.base import AnymailCoreWebhookView
from anymail.webhooks.brevo import BrevoInboundWebhookView
from anymail.webhooks.mailersend import MailerSendInboundWebhookView
from anymail.webhooks.mailgun import MailgunInboundWebhookView
from anymail.webhooks.mailjet import MailjetInboundWebhookView
from anymail.webhooks.mailtrap import MailtrapInboundWebhookView
from anymail.webhooks.mandrill import MandrillCombinedWebhookView
from anymail.webhooks.postal import PostalInboundWebhookView
from anymail.webhooks.postmark import PostmarkInboundWebhookView
from anymail.webhooks.resend import ResendInboundWebhookView
from anymail.webhooks.sendgrid import SendGridInboundWebhookView
from anymail.webhooks.sparkpost import SparkPostInboundWebhookView
from django.core.exceptions import ImproperlyConfigured

from ...core import conf

SETTING = "HELPDESK_ANYMAIL"
# Basic auth is shared by every service (anymail's name, without a service prefix).
WEBHOOK_SECRET = "webhook_secret"  # noqa: S105 (an option name, not a secret)


@dataclass(frozen=True)
class Service:
    # In the URL (`inbound/<slug>/<mailbox uuid>/`) and in `InboundEmail.via`.
    slug: str
    view: type[AnymailCoreWebhookView]
    # The anymail option holding the key the service signs its webhooks with.
    signature: str | None = None
    # Anymail refuses to run without the signature key; otherwise basic auth will do.
    signature_required: bool = False
    # Options without which the view cannot work (an API key to fetch the message).
    needs: tuple[str, ...] = ()
    # Options passed on when set.
    optional: tuple[str, ...] = ()
    # Options whose value is not text (set only in HELPDESK_ANYMAIL).
    structured: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return str(self.view.esp_name)

    def key(self, option: str) -> str:
        """The option's key in HELPDESK_ANYMAIL (as in anymail's ANYMAIL setting)."""
        if option == WEBHOOK_SECRET:
            return option.upper()
        return f"{self.name.upper().replace(' ', '_')}_{option.upper()}"

    def options(self) -> tuple[str, ...]:
        own = (self.signature,) if self.signature else ()
        return (WEBHOOK_SECRET, *own, *self.needs, *self.optional, *self.structured)


SERVICES: dict[str, Service] = {
    service.slug: service
    for service in (
        # SNS notifications; basic auth is the proof (anymail does not check SNS
        # signatures). Messages stored in S3 are fetched with boto3 (Saleor has it).
        Service(
            "amazon_ses",
            AmazonSESInboundWebhookView,
            optional=("inbound_kms_key_id",),
            structured=(
                "auto_confirm_sns_subscriptions",
                "session_params",
                "client_params",
            ),
        ),
        # Attachments are fetched with the API key.
        Service(
            "brevo",
            BrevoInboundWebhookView,
            needs=("api_key",),
            optional=("api_url",),
        ),
        Service(
            "mailersend",
            MailerSendInboundWebhookView,
            signature="inbound_secret",
            signature_required=True,
        ),
        Service(
            "mailgun",
            MailgunInboundWebhookView,
            signature="webhook_signing_key",
            signature_required=True,
        ),
        Service("mailjet", MailjetInboundWebhookView),
        # The message is fetched with the API token.
        Service(
            "mailtrap",
            MailtrapInboundWebhookView,
            signature="inbound_secret",
            needs=("api_token",),
            optional=("api_url",),
        ),
        # Signs the exact URL it calls: `MANDRILL_WEBHOOK_URL` when a proxy in front
        # of Saleor changes what Django sees.
        Service(
            "mandrill",
            MandrillCombinedWebhookView,
            signature="webhook_key",
            signature_required=True,
            optional=("webhook_url",),
        ),
        Service(
            "postal",
            PostalInboundWebhookView,
            signature="webhook_key",
            signature_required=True,
        ),
        Service("postmark", PostmarkInboundWebhookView),
        # Svix signatures need the `svix` package; basic auth works without it. The
        # message is fetched with the API key.
        Service(
            "resend",
            ResendInboundWebhookView,
            signature="inbound_secret",
            needs=("api_key",),
            optional=("api_url",),
        ),
        # Anymail keeps the view but no longer supports SendGrid officially.
        Service("sendgrid", SendGridInboundWebhookView),
        Service("sparkpost", SparkPostInboundWebhookView),
    )
}


def configuration() -> dict[str, Any]:
    """HELPDESK_ANYMAIL with the HELPDESK_ANYMAIL_<KEY> variables over it. An unknown
    key is an error naming it (a misspelt secret must not read as a missing one)."""
    given = conf.mapping(SETTING)
    text_keys = {
        service.key(option)
        for service in SERVICES.values()
        for option in service.options()
        if option not in service.structured
    }
    known = text_keys | {
        service.key(option)
        for service in SERVICES.values()
        for option in service.structured
    }
    unknown = sorted(set(given) - known)
    if unknown:
        raise ImproperlyConfigured(
            f"{SETTING} has keys the helpdesk does not know: {', '.join(unknown)}."
        )
    found = dict(given)
    for key in text_keys:
        value = conf.value(f"{SETTING}_{key}")
        if value not in (None, ""):
            found[key] = value
    for key in text_keys & set(found):
        value = found[key]
        texts = (
            value if key == "WEBHOOK_SECRET" and isinstance(value, list) else [value]
        )
        if not all(isinstance(item, str) for item in texts):
            raise ImproperlyConfigured(f"{SETTING}'s {key} must be text.")
    return found


def missing(service: Service, config: dict[str, Any]) -> str | None:
    """What the service still needs before a webhook can be taken, or None."""

    def has(option: str) -> bool:
        return bool(config.get(service.key(option)))

    absent = [service.key(option) for option in service.needs if not has(option)]
    if service.signature and service.signature_required:
        if not has(service.signature):
            absent.insert(0, service.key(service.signature))
    elif service.signature:
        if not (has(service.signature) or has(WEBHOOK_SECRET)):
            absent.insert(
                0,
                f"{service.key(service.signature)} or {service.key(WEBHOOK_SECRET)}",
            )
    elif not has(WEBHOOK_SECRET):
        absent.insert(0, service.key(WEBHOOK_SECRET))
    if not absent:
        return None
    return (
        f"{service.name} webhooks are not configured: set {', '.join(absent)} in "
        f"{SETTING}."
    )


def view_options(service: Service, config: dict[str, Any]) -> dict[str, Any]:
    """The view's constructor arguments. Basic auth and the signing key are always
    given, empty when not set, so that anymail never falls back to a host's `ANYMAIL`
    setting for them."""
    options: dict[str, Any] = {
        WEBHOOK_SECRET: config.get(service.key(WEBHOOK_SECRET), [])
    }
    if service.signature:
        options[service.signature] = config.get(service.key(service.signature))
    for option in (*service.needs, *service.optional, *service.structured):
        key = service.key(option)
        if key in config:
            options[option] = config[key]
    return options
