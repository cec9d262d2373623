import graphene

from ..core.scalars import DateTime
from .enums import (
    RuleActionTypeEnum,
    RuleConditionFieldEnum,
    RuleOperatorEnum,
    RuleTriggerEnum,
)


class AutomationRuleConditionInput(graphene.InputObjectType):
    field = RuleConditionFieldEnum(required=True, description="What is tested.")
    operator = RuleOperatorEnum(required=True, description="How it is compared.")
    values = graphene.List(
        graphene.NonNull(graphene.String),
        required=True,
        description="What it is compared with (slugs, enum values or one number).",
    )

    class Meta:
        description = "One condition of a rule."


class AutomationRuleActionInput(graphene.InputObjectType):
    type = RuleActionTypeEnum(required=True, description="What it does.")
    values = graphene.List(
        graphene.NonNull(graphene.String),
        description=(
            "Its arguments: slugs, hours, a note, or the global ID of a user "
            "(ASSIGN_USER) or response template (REPLY_WITH_TEMPLATE)."
        ),
    )

    class Meta:
        description = "One action of a rule."


class AutomationRuleInput(graphene.InputObjectType):
    name = graphene.String(description="Name of the rule (unique).")
    trigger = RuleTriggerEnum(description="When it runs.")
    is_active = graphene.Boolean(description="Whether it runs.")
    position = graphene.Int(description="Order among the rules of its trigger.")
    stop_processing = graphene.Boolean(
        description="When it matched, the rules after it do not run."
    )
    conditions = graphene.List(
        graphene.NonNull(AutomationRuleConditionInput),
        description="What must hold (all of them); replaces the list.",
    )
    actions = graphene.List(
        graphene.NonNull(AutomationRuleActionInput),
        description="What it does, in order; replaces the list.",
    )

    class Meta:
        description = "An automation rule's fields; left out: unchanged."


class AutomationRuleDryRunInput(graphene.InputObjectType):
    conditions = graphene.List(
        graphene.NonNull(AutomationRuleConditionInput),
        required=True,
        description="The conditions to try (a saved rule's, or the editor's).",
    )
    limit = graphene.Int(
        description="How many of the newest tickets to read (1 to 1000; 200)."
    )
    since = DateTime(description="Only tickets opened since then.")

    class Meta:
        description = "What a dry run tries, on which tickets."


class HelpdeskTagInput(graphene.InputObjectType):
    name = graphene.String(description="Name of the tag.")
    slug = graphene.String(description="Stable code (made from the name if left out).")
    colour = graphene.String(description="Colour as #RRGGBB.")

    class Meta:
        description = "A tag's fields; left out: unchanged."


class HelpdeskMacroInput(graphene.InputObjectType):
    name = graphene.String(description="Name of the macro (unique).")
    template = graphene.ID(description="Response template of the reply; null: none.")
    body = graphene.String(description="The reply's text when there is no template.")
    internal = graphene.Boolean(description="The reply is an internal note.")
    status = graphene.String(description="Slug of the status to move to; null: none.")
    priority = graphene.String(description="Slug of the priority to set; null: none.")
    add_tags = graphene.List(
        graphene.NonNull(graphene.String), description="Slugs of tags to add."
    )
    remove_tags = graphene.List(
        graphene.NonNull(graphene.String), description="Slugs of tags to remove."
    )
    assignee = graphene.ID(description="Staff user to assign to; null: none.")
    assign_to_me = graphene.Boolean(
        description="Assign to whoever applies the macro (wins over `assignee`)."
    )
    is_active = graphene.Boolean(description="Whether staff are offered it.")

    class Meta:
        description = "A macro's fields; left out: unchanged."
