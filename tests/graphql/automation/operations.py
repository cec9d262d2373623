"""The automation API's operations, as the Dashboard sends them."""

ERRORS = "errors { field code message }"
RULE_FIELDS = """
  id name trigger isActive position stopProcessing
  conditions { field operator values } actions { type values }
"""
TAG_FIELDS = "id name slug colour"
MACRO_FIELDS = f"""
  id name body internal assignToMe isActive template {{ id name }}
  status {{ slug }} priority {{ slug }} assignee {{ email }}
  addTags {{ {TAG_FIELDS} }} removeTags {{ {TAG_FIELDS} }}
"""

AUTOMATION_RULES = f"query {{ automationRules {{ {RULE_FIELDS} }} }}"
AUTOMATION_RULE_DRY_RUN = """
query DryRun($input: AutomationRuleDryRunInput!) {
  automationRuleDryRun(input: $input) { examined matches { id number } }
}
"""
HELPDESK_TAGS = f"query {{ helpdeskTags {{ {TAG_FIELDS} }} }}"
HELPDESK_TAG_STATISTICS = (
    "query { helpdeskTagStatistics { tag { slug } tickets openTickets } }"
)
HELPDESK_MACROS = f"query {{ helpdeskMacros {{ {MACRO_FIELDS} }} }}"
HELPDESK_MACRO_PREVIEW = """
query MacroPreview($ticket: ID!, $macro: ID!) {
  helpdeskMacroPreview(ticket: $ticket, macro: $macro) { subject body internal }
}
"""
AUTOMATION_RULE_CREATE = f"""
mutation RuleCreate($input: AutomationRuleInput!) {{
  automationRuleCreate(input: $input) {{ {ERRORS} rule {{ {RULE_FIELDS} }} }}
}}
"""
AUTOMATION_RULE_UPDATE = f"""
mutation RuleUpdate($id: ID!, $input: AutomationRuleInput!) {{
  automationRuleUpdate(id: $id, input: $input) {{ {ERRORS} rule {{ {RULE_FIELDS} }} }}
}}
"""
AUTOMATION_RULE_DELETE = f"""
mutation RuleDelete($id: ID!) {{
  automationRuleDelete(id: $id) {{ {ERRORS} rule {{ id name }} }}
}}
"""
HELPDESK_TAG_CREATE = f"""
mutation TagCreate($input: HelpdeskTagInput!) {{
  helpdeskTagCreate(input: $input) {{ {ERRORS} tag {{ {TAG_FIELDS} }} }}
}}
"""
HELPDESK_TAG_UPDATE = f"""
mutation TagUpdate($id: ID!, $input: HelpdeskTagInput!) {{
  helpdeskTagUpdate(id: $id, input: $input) {{ {ERRORS} tag {{ {TAG_FIELDS} }} }}
}}
"""
HELPDESK_TAG_DELETE = f"""
mutation TagDelete($id: ID!) {{
  helpdeskTagDelete(id: $id) {{ {ERRORS} tag {{ {TAG_FIELDS} }} }}
}}
"""
HELPDESK_MACRO_CREATE = f"""
mutation MacroCreate($input: HelpdeskMacroInput!) {{
  helpdeskMacroCreate(input: $input) {{ {ERRORS} macro {{ {MACRO_FIELDS} }} }}
}}
"""
HELPDESK_MACRO_UPDATE = f"""
mutation MacroUpdate($id: ID!, $input: HelpdeskMacroInput!) {{
  helpdeskMacroUpdate(id: $id, input: $input) {{ {ERRORS} macro {{ {MACRO_FIELDS} }} }}
}}
"""
HELPDESK_MACRO_DELETE = f"""
mutation MacroDelete($id: ID!) {{
  helpdeskMacroDelete(id: $id) {{ {ERRORS} macro {{ id name }} }}
}}
"""
HELPDESK_MACRO_APPLY = f"""
mutation MacroApply($ticket: ID!, $macro: ID!) {{
  helpdeskMacroApply(ticket: $ticket, macro: $macro) {{
    {ERRORS} ticket {{ id status {{ slug }} tags {{ slug }} assignee {{ email }} }}
  }}
}}
"""
TICKET_TAGS_UPDATE = f"""
mutation TicketTags($id: ID!, $add: [String!], $remove: [String!]) {{
  ticketTagsUpdate(id: $id, addTags: $add, removeTags: $remove) {{
    {ERRORS} ticket {{ id tags {{ slug name colour }} }}
  }}
}}
"""
