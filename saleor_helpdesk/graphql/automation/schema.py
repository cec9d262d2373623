"""The automation API (issue 14): rules and their dry run, tags, macros.

Rules, tags and macros are configuration: read with MANAGE_ORDERS or MANAGE_PLUGINS,
changed with MANAGE_PLUGINS. Tickets' tags are changed, and macros previewed and
applied, with MANAGE_ORDERS. Customers never see tags, rules or macros."""

from typing import Any

import graphene

from ...actions.config.common import require_settings_reader
from ...automation.dry_run import DEFAULT_LIMIT, dry_run
from ...automation.macros import preview_macro
from ...models import AutomationRule, Macro, Tag
from ...tags.statistics import tag_counts
from ...tickets.access import require_agent
from ..core.errors import guarded
from ..core.ids import int_pk
from ..core.scalars import DateTime
from .enums import RuleTriggerEnum
from .inputs import AutomationRuleDryRunInput
from .mutations.automation_rule_create import AutomationRuleCreate
from .mutations.automation_rule_delete import AutomationRuleDelete
from .mutations.automation_rule_update import AutomationRuleUpdate
from .mutations.helpdesk_macro_apply import HelpdeskMacroApply
from .mutations.helpdesk_macro_create import HelpdeskMacroCreate
from .mutations.helpdesk_macro_delete import HelpdeskMacroDelete
from .mutations.helpdesk_macro_update import HelpdeskMacroUpdate
from .mutations.helpdesk_tag_create import HelpdeskTagCreate
from .mutations.helpdesk_tag_delete import HelpdeskTagDelete
from .mutations.helpdesk_tag_update import HelpdeskTagUpdate
from .mutations.ticket_tags_update import TicketTagsUpdate
from .types import (
    AutomationRuleDryRun,
    AutomationRuleType,
    HelpdeskMacro,
    HelpdeskMacroPreview,
    HelpdeskTag,
    HelpdeskTagCount,
)
from .values import conditions_from_api

READERS = "Needs MANAGE_ORDERS or MANAGE_PLUGINS."


class AutomationQueries(graphene.ObjectType):
    automation_rules = graphene.List(
        graphene.NonNull(AutomationRuleType),
        trigger=RuleTriggerEnum(description="Only the rules of this trigger."),
        description=f"The automation rules, by trigger and order. {READERS}",
    )
    automation_rule_dry_run = graphene.Field(
        AutomationRuleDryRun,
        input=AutomationRuleDryRunInput(required=True, description="What to try."),
        description=(
            "Which existing tickets these conditions match (the newest ones), "
            f"changing nothing. {READERS}"
        ),
    )
    helpdesk_tags = graphene.List(
        graphene.NonNull(HelpdeskTag),
        description=f"Every tag, by name. {READERS}",
    )
    helpdesk_tag_statistics = graphene.List(
        graphene.NonNull(HelpdeskTagCount),
        since=DateTime(description="Only tickets opened since then."),
        until=DateTime(description="Only tickets opened before then."),
        description=(
            "How many of the tickets the caller may see carry each tag. "
            "Needs MANAGE_ORDERS."
        ),
    )
    helpdesk_macros = graphene.List(
        graphene.NonNull(HelpdeskMacro),
        description=f"Every macro, by name. {READERS}",
    )
    helpdesk_macro_preview = graphene.Field(
        HelpdeskMacroPreview,
        ticket=graphene.ID(required=True, description="ID of the ticket."),
        macro=graphene.ID(required=True, description="ID of the macro."),
        description=(
            "The reply applying the macro would post on the ticket (null when the "
            "macro has none); writes nothing. Needs MANAGE_ORDERS."
        ),
    )

    @staticmethod
    @guarded
    def resolve_automation_rules(root: Any, info: Any, trigger: Any = None) -> Any:
        require_settings_reader(info.context.actor)
        rules = AutomationRule.objects.order_by("trigger", "position", "pk")
        if trigger is not None:
            rules = rules.filter(trigger=getattr(trigger, "value", trigger))
        return rules

    @staticmethod
    @guarded
    def resolve_automation_rule_dry_run(root: Any, info: Any, input: Any) -> Any:
        return dry_run(
            info.context.actor,
            conditions_from_api(input["conditions"]),
            limit=input.get("limit") or DEFAULT_LIMIT,
            since=input.get("since"),
        )

    @staticmethod
    @guarded
    def resolve_helpdesk_tags(root: Any, info: Any) -> Any:
        require_settings_reader(info.context.actor)
        return Tag.objects.order_by("name", "pk")

    @staticmethod
    @guarded
    def resolve_helpdesk_tag_statistics(
        root: Any, info: Any, since: Any = None, until: Any = None
    ) -> Any:
        actor = info.context.actor
        require_agent(actor)
        return tag_counts(actor, since=since, until=until)

    @staticmethod
    @guarded
    def resolve_helpdesk_macros(root: Any, info: Any) -> Any:
        require_settings_reader(info.context.actor)
        return Macro.objects.select_related(
            "template", "status", "priority"
        ).prefetch_related("add_tags", "remove_tags")

    @staticmethod
    @guarded
    def resolve_helpdesk_macro_preview(
        root: Any, info: Any, ticket: str, macro: str
    ) -> Any:
        return preview_macro(
            info.context.actor,
            int_pk(ticket, "Ticket", "ticket"),
            int_pk(macro, "HelpdeskMacro", "macro"),
        )


class AutomationMutations(graphene.ObjectType):
    automation_rule_create = AutomationRuleCreate.Field()
    automation_rule_update = AutomationRuleUpdate.Field()
    automation_rule_delete = AutomationRuleDelete.Field()
    helpdesk_tag_create = HelpdeskTagCreate.Field()
    helpdesk_tag_update = HelpdeskTagUpdate.Field()
    helpdesk_tag_delete = HelpdeskTagDelete.Field()
    helpdesk_macro_create = HelpdeskMacroCreate.Field()
    helpdesk_macro_update = HelpdeskMacroUpdate.Field()
    helpdesk_macro_delete = HelpdeskMacroDelete.Field()
    helpdesk_macro_apply = HelpdeskMacroApply.Field()
    ticket_tags_update = TicketTagsUpdate.Field()
