"""Types of the automation API: rules, their dry run, tags, macros."""

from typing import Any

import graphene

from ...automation.dry_run import DryRun
from ...automation.macros import MacroPreview
from ...models import AutomationRule, Macro, Tag
from ...tags.statistics import TagCount
from ..config.types import ResponseTemplateType
from ..core.ids import to_global_id
from ..core.scalars import DateTime
from ..shop.dataloaders import UserByIdLoader
from ..shop.types import HelpdeskUser
from ..workflow.types import TicketPriority, TicketStatus
from .enums import (
    RuleActionTypeEnum,
    RuleConditionFieldEnum,
    RuleOperatorEnum,
    RuleTriggerEnum,
)
from .values import action_values_to_api


class AutomationRuleCondition(graphene.ObjectType):
    field = graphene.Field(
        RuleConditionFieldEnum, required=True, description="What is tested."
    )
    operator = graphene.Field(
        RuleOperatorEnum, required=True, description="How it is compared."
    )
    values = graphene.List(
        graphene.NonNull(graphene.String),
        required=True,
        description="What it is compared with (slugs, enum values or one number).",
    )

    class Meta:
        description = "One condition of a rule; all of a rule's conditions must hold."


class AutomationRuleAction(graphene.ObjectType):
    type = graphene.Field(
        RuleActionTypeEnum, required=True, description="What it does."
    )
    values = graphene.List(
        graphene.NonNull(graphene.String),
        required=True,
        description=(
            "Its arguments: slugs, a number of hours, a note's text, or the global ID "
            "of a user (ASSIGN_USER) or response template (REPLY_WITH_TEMPLATE)."
        ),
    )

    class Meta:
        description = "One action of a rule, done in order."

    @staticmethod
    def resolve_values(root: dict[str, Any], info: Any) -> list[str]:
        return action_values_to_api(root)


class AutomationRuleType(graphene.ObjectType):
    id = graphene.ID(required=True, description="ID of the rule.")
    name = graphene.String(required=True, description="Name of the rule (unique).")
    trigger = graphene.Field(
        RuleTriggerEnum, required=True, description="When it runs."
    )
    is_active = graphene.Boolean(required=True, description="Whether it runs at all.")
    position = graphene.Int(
        required=True, description="Order among the rules of its trigger."
    )
    stop_processing = graphene.Boolean(
        required=True,
        description="When it matched, the rules after it do not run for that trigger.",
    )
    conditions = graphene.List(
        graphene.NonNull(AutomationRuleCondition),
        required=True,
        description="What must hold (all of them).",
    )
    actions = graphene.List(
        graphene.NonNull(AutomationRuleAction),
        required=True,
        description="What it does, in order.",
    )
    created_at = DateTime(required=True, description="When it was made.")
    updated_at = DateTime(required=True, description="Last change.")

    class Meta:
        name = "AutomationRule"
        description = "An automation rule: when, if what holds, do what."

    @staticmethod
    def resolve_id(root: AutomationRule, info: Any) -> str:
        return to_global_id("AutomationRule", root.pk)


class AutomationRuleDryRun(graphene.ObjectType):
    examined = graphene.Int(required=True, description="How many tickets were read.")
    matches = graphene.List(
        graphene.NonNull("saleor_helpdesk.graphql.tickets.types.TicketType"),
        required=True,
        description="The tickets the conditions match, newest first.",
    )

    class Meta:
        description = "Which existing tickets a rule would match; nothing was changed."

    @staticmethod
    def resolve_matches(root: DryRun, info: Any) -> Any:
        return root.matches


class HelpdeskTag(graphene.ObjectType):
    id = graphene.ID(required=True, description="ID of the tag.")
    name = graphene.String(required=True, description="Name of the tag.")
    slug = graphene.String(required=True, description="Stable code of the tag.")
    colour = graphene.String(required=True, description="Its colour, as #RRGGBB.")

    class Meta:
        description = "A free label staff put on tickets (never shown to customers)."

    @staticmethod
    def resolve_id(root: Tag, info: Any) -> str:
        return to_global_id("HelpdeskTag", root.pk)


class HelpdeskTagCount(graphene.ObjectType):
    tag = graphene.Field(HelpdeskTag, required=True, description="The tag.")
    tickets = graphene.Int(required=True, description="Tickets carrying it.")
    open_tickets = graphene.Int(
        required=True, description="Of those, the ones not closed."
    )

    class Meta:
        description = "How many tickets carry a tag."

    @staticmethod
    def resolve_tag(root: TagCount, info: Any) -> Tag:
        return root.tag


class HelpdeskMacro(graphene.ObjectType):
    id = graphene.ID(required=True, description="ID of the macro.")
    name = graphene.String(required=True, description="Name of the macro (unique).")
    template = graphene.Field(
        ResponseTemplateType, description="The reply's response template, if any."
    )
    body = graphene.String(
        required=True,
        description="The reply's text when there is no template (HTML, placeholders).",
    )
    internal = graphene.Boolean(
        required=True, description="The reply is an internal note."
    )
    status = graphene.Field(TicketStatus, description="The status the ticket moves to.")
    priority = graphene.Field(TicketPriority, description="The priority it gets.")
    add_tags = graphene.List(
        graphene.NonNull(HelpdeskTag), required=True, description="Tags it adds."
    )
    remove_tags = graphene.List(
        graphene.NonNull(HelpdeskTag), required=True, description="Tags it removes."
    )
    assignee = graphene.Field(
        HelpdeskUser, description="Whom it assigns the ticket to."
    )
    assign_to_me = graphene.Boolean(
        required=True, description="It assigns the ticket to whoever applies it."
    )
    is_active = graphene.Boolean(
        required=True, description="Whether staff are offered it."
    )

    class Meta:
        description = "A named bundle of a reply, status, tags and assignment."

    @staticmethod
    def resolve_id(root: Macro, info: Any) -> str:
        return to_global_id("HelpdeskMacro", root.pk)

    @staticmethod
    def resolve_add_tags(root: Macro, info: Any) -> Any:
        return root.add_tags.all()

    @staticmethod
    def resolve_remove_tags(root: Macro, info: Any) -> Any:
        return root.remove_tags.all()

    @staticmethod
    def resolve_assignee(root: Macro, info: Any) -> Any:
        if root.assignee_id is None:
            return None
        return UserByIdLoader(info.context).load(root.assignee_id)


class HelpdeskMacroPreview(graphene.ObjectType):
    subject = graphene.String(
        required=True, description="The template's subject with the ticket's values."
    )
    body = graphene.String(
        required=True, description="The reply as it will be posted (sanitised HTML)."
    )
    internal = graphene.Boolean(
        required=True, description="It will be an internal note, not a reply."
    )

    class Meta:
        description = "A macro's reply as applying it would post it on one ticket."

    @staticmethod
    def resolve_subject(root: MacroPreview, info: Any) -> str:
        return root.subject
