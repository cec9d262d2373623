"""Automation rules, their recorded runs, macros and the round-robin cursor per queue.

A rule's conditions and actions are JSON lists, validated by the domain
(`automation/conditions.py`, `automation/actions.py`) on every save; see those modules
for their shapes. JSON rather than rows: a rule is read and written as a whole, is
evaluated from memory, and its editor sends it as a whole.
"""

from django.conf import settings
from django.db import models

from .config import Contact, Priority, ResponseTemplate, TicketStatus
from .tags import Tag
from .ticket import Ticket


class RuleTrigger(models.TextChoices):
    TICKET_CREATED = "ticket_created", "A ticket was created"
    CUSTOMER_REPLIED = "customer_replied", "The customer replied"
    ORDER_EVENT = "order_event", "An order event reached the ticket"
    SCHEDULED = "scheduled", "On a schedule"
    SATISFACTION_RATED = "satisfaction_rated", "The customer rated the support"


class AutomationRule(models.Model):
    name = models.CharField(max_length=128, unique=True)
    trigger = models.CharField(max_length=32, choices=RuleTrigger.choices)
    is_active = models.BooleanField(default=True)
    # Rules of a trigger run in this order (then by id).
    position = models.PositiveIntegerField(default=0)
    # When this rule matched, the rules after it do not run for this trigger.
    stop_processing = models.BooleanField(default=False)
    conditions = models.JSONField(default=list, blank=True)
    actions = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("trigger", "position", "pk")
        indexes = [
            models.Index(
                fields=["trigger", "position"],
                name="helpdesk_rule_trigger_idx",
                condition=models.Q(is_active=True),
            )
        ]

    def __str__(self) -> str:
        return self.name


class RuleRun(models.Model):
    """A rule that matched a ticket for one trigger occurrence and ran its actions.

    Unique per (rule, ticket, trigger, key): a task retried, a chain of rules, or two
    workers handed the same trigger never run a rule twice for the same occurrence.
    `key` names the occurrence ("created", "comment:17", "event:42", the ticket's last
    activity for the schedule, the caller's key for a rating)."""

    rule = models.ForeignKey(
        AutomationRule, on_delete=models.CASCADE, related_name="runs", db_index=False
    )
    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="+")
    trigger = models.CharField(max_length=32, choices=RuleTrigger.choices)
    key = models.CharField(max_length=128)
    # The ticket's last activity the scheduled run was for (its "episode").
    activity_at = models.DateTimeField(null=True, blank=True)
    # Why the actions were rolled back (a refused action), empty when they ran.
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("pk",)
        constraints = [
            models.UniqueConstraint(
                fields=["rule", "ticket", "trigger", "key"],
                name="helpdesk_rule_run_once",
            )
        ]


class QueueCursor(models.Model):
    """Round-robin over a queue's (contact's) agents: the agent who got the last
    ticket. Row-locked while the next one is chosen, so two rules assigning at the
    same time never pick the same agent twice in a row."""

    contact = models.OneToOneField(
        Contact, on_delete=models.CASCADE, related_name="+", primary_key=True
    )
    last_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(auto_now=True)


class Macro(models.Model):
    """A named bundle an agent applies to a ticket with one click: a reply (a response
    template or a body), a status, tags to add and remove, an assignment."""

    name = models.CharField(max_length=128, unique=True)
    template = models.ForeignKey(
        ResponseTemplate,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Used when no template is chosen; sanitised HTML with {{ placeholders }}.
    body = models.TextField(blank=True)
    # The reply is an internal note instead of a reply to the customer.
    internal = models.BooleanField(default=False)
    status = models.ForeignKey(
        TicketStatus,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    priority = models.ForeignKey(
        Priority, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    add_tags = models.ManyToManyField(Tag, blank=True, related_name="+")
    remove_tags = models.ManyToManyField(Tag, blank=True, related_name="+")
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Assign the ticket to whoever applies the macro (wins over `assignee`).
    assign_to_me = models.BooleanField(default=False)
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("name", "pk")

    def __str__(self) -> str:
        return self.name
