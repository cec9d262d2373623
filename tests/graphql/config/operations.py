"""The configuration API's operations, as the Dashboard would send them."""

ERRORS = "errors { field code message }"

STATUS_FIELDS = """
  id slug name group isClosed isInternal isInitial isActive position
  translations { languageCode name }
  customerStatus { slug }
  transitions { target { slug } staffAllowed customerAllowed systemAllowed }
"""

TICKET_STATUSES = f"query {{ ticketStatuses {{ {STATUS_FIELDS} }} }}"

TICKET_STATUS_CREATE = f"""
mutation StatusCreate($input: TicketStatusInput!) {{
  ticketStatusCreate(input: $input) {{ {ERRORS} status {{ {STATUS_FIELDS} }} }}
}}
"""

TICKET_STATUS_UPDATE = f"""
mutation StatusUpdate($id: ID!, $input: TicketStatusInput!) {{
  ticketStatusDefinitionUpdate(id: $id, input: $input) {{
    {ERRORS} status {{ {STATUS_FIELDS} }}
  }}
}}
"""

TICKET_STATUS_DELETE = f"""
mutation StatusDelete($id: ID!) {{
  ticketStatusDelete(id: $id) {{ {ERRORS} status {{ id slug }} }}
}}
"""

TRANSITION_FIELDS = (
    "id source { slug } target { slug } staffAllowed customerAllowed systemAllowed"
)

TICKET_TRANSITION_CREATE = f"""
mutation TransitionCreate($input: TicketTransitionCreateInput!) {{
  ticketTransitionCreate(input: $input) {{ {ERRORS} transition {{ {TRANSITION_FIELDS} }} }}
}}
"""

TICKET_TRANSITION_DELETE = f"""
mutation TransitionDelete($id: ID!) {{
  ticketTransitionDelete(id: $id) {{ {ERRORS} transition {{ {TRANSITION_FIELDS} }} }}
}}
"""

PRIORITY_FIELDS = (
    "id slug name resolutionHours isDefault position translations { languageCode name }"
)

TICKET_PRIORITIES = f"query {{ ticketPriorities {{ {PRIORITY_FIELDS} }} }}"

TICKET_PRIORITY_CREATE = f"""
mutation PriorityCreate($input: TicketPriorityInput!) {{
  ticketPriorityCreate(input: $input) {{ {ERRORS} priority {{ {PRIORITY_FIELDS} }} }}
}}
"""

TICKET_PRIORITY_UPDATE = f"""
mutation PriorityUpdate($id: ID!, $input: TicketPriorityInput!) {{
  ticketPriorityUpdate(id: $id, input: $input) {{
    {ERRORS} priority {{ {PRIORITY_FIELDS} }}
  }}
}}
"""

TICKET_PRIORITY_DELETE = f"""
mutation PriorityDelete($id: ID!) {{
  ticketPriorityDelete(id: $id) {{ {ERRORS} priority {{ id slug }} }}
}}
"""

CATEGORY_FIELDS = (
    "id kind slug name isActive position translations { languageCode name }"
)

TICKET_CATEGORIES = f"""
query Categories($kind: TicketKindEnum) {{
  ticketCategories(kind: $kind) {{ {CATEGORY_FIELDS} }}
}}
"""

TICKET_CATEGORY_CREATE = f"""
mutation CategoryCreate($input: TicketCategoryInput!) {{
  ticketCategoryCreate(input: $input) {{ {ERRORS} category {{ {CATEGORY_FIELDS} }} }}
}}
"""

TICKET_CATEGORY_UPDATE = f"""
mutation CategoryUpdate($id: ID!, $input: TicketCategoryInput!) {{
  ticketCategoryUpdate(id: $id, input: $input) {{
    {ERRORS} category {{ {CATEGORY_FIELDS} }}
  }}
}}
"""

TICKET_CATEGORY_DELETE = f"""
mutation CategoryDelete($id: ID!) {{
  ticketCategoryDelete(id: $id) {{ {ERRORS} category {{ id slug }} }}
}}
"""

CONTACT_FIELDS = """
  id slug name description email isActive position
  translations { languageCode name } responsible { email }
"""

TICKET_CONTACTS = f"query {{ ticketContacts {{ {CONTACT_FIELDS} }} }}"

TICKET_CONTACT_CREATE = f"""
mutation ContactCreate($input: TicketContactInput!) {{
  ticketContactCreate(input: $input) {{ {ERRORS} contact {{ {CONTACT_FIELDS} }} }}
}}
"""

TICKET_CONTACT_UPDATE = f"""
mutation ContactUpdate($id: ID!, $input: TicketContactInput!) {{
  ticketContactUpdate(id: $id, input: $input) {{
    {ERRORS} contact {{ {CONTACT_FIELDS} }}
  }}
}}
"""

TICKET_CONTACT_DELETE = f"""
mutation ContactDelete($id: ID!) {{
  ticketContactDelete(id: $id) {{ {ERRORS} contact {{ id slug }} }}
}}
"""

TEMPLATE_FIELDS = "id name languageCode subject body kind isActive placeholders"

RESPONSE_TEMPLATES = f"""
query Templates($languageCode: String, $kind: TicketKindEnum) {{
  responseTemplates(languageCode: $languageCode, kind: $kind) {{ {TEMPLATE_FIELDS} }}
}}
"""

RESPONSE_TEMPLATE_PLACEHOLDERS = (
    "query { responseTemplatePlaceholders { name description } }"
)

RESPONSE_TEMPLATE_PREVIEW = """
query Preview($id: ID!, $ticket: ID!) {
  responseTemplatePreview(id: $id, ticket: $ticket) { subject body }
}
"""

RESPONSE_TEMPLATE_CREATE = f"""
mutation TemplateCreate($input: ResponseTemplateInput!) {{
  responseTemplateCreate(input: $input) {{ {ERRORS} template {{ {TEMPLATE_FIELDS} }} }}
}}
"""

RESPONSE_TEMPLATE_UPDATE = f"""
mutation TemplateUpdate($id: ID!, $input: ResponseTemplateInput!) {{
  responseTemplateUpdate(id: $id, input: $input) {{
    {ERRORS} template {{ {TEMPLATE_FIELDS} }}
  }}
}}
"""

RESPONSE_TEMPLATE_DELETE = f"""
mutation TemplateDelete($id: ID!) {{
  responseTemplateDelete(id: $id) {{ {ERRORS} template {{ id name }} }}
}}
"""

AGENT_FIELDS = "id user { email } isActive signature contacts { slug }"

SUPPORT_AGENTS = f"query {{ supportAgents {{ {AGENT_FIELDS} }} }}"

SUPPORT_AGENT_CANDIDATES = """
query Candidates($search: String, $first: Int) {
  supportAgentCandidates(search: $search, first: $first) {
    id email firstName lastName
  }
}
"""

SUPPORT_AGENT_ADD = f"""
mutation AgentAdd($user: ID!, $input: SupportAgentInput) {{
  supportAgentAdd(user: $user, input: $input) {{ {ERRORS} agent {{ {AGENT_FIELDS} }} }}
}}
"""

SUPPORT_AGENT_UPDATE = f"""
mutation AgentUpdate($id: ID!, $input: SupportAgentInput!) {{
  supportAgentUpdate(id: $id, input: $input) {{ {ERRORS} agent {{ {AGENT_FIELDS} }} }}
}}
"""

SUPPORT_AGENT_REMOVE = f"""
mutation AgentRemove($id: ID!) {{
  supportAgentRemove(id: $id) {{ {ERRORS} agent {{ id user {{ email }} }} }}
}}
"""

CUSTOMER_RESPONSIBLE_SET = f"""
mutation ResponsibleSet($customer: ID!, $responsible: ID) {{
  customerResponsibleSet(customer: $customer, responsible: $responsible) {{
    {ERRORS} customer {{ email }} responsible {{ email }}
  }}
}}
"""

SETTINGS_FIELDS = """
  channel { slug } inheritsShopDefaults attachmentsAllowed maxAttachmentSize
  maxAttachmentsPerComment maxAttachmentsPerTicket allowedContentTypes
  guestTicketsAllowed customerMayClose customerMayReopen reopenWindowDays
  autoCloseOnFullRefund senderEmail senderName signature defaultResponsible { email }
"""

HELPDESK_CHANNEL_SETTINGS = f"""
query Settings($channel: String) {{
  helpdeskChannelSettings(channel: $channel) {{ {SETTINGS_FIELDS} }}
}}
"""

HELPDESK_CHANNEL_SETTINGS_UPDATE = f"""
mutation SettingsUpdate($channel: String, $input: HelpdeskChannelSettingsInput!) {{
  helpdeskChannelSettingsUpdate(channel: $channel, input: $input) {{
    {ERRORS} settings {{ {SETTINGS_FIELDS} }}
  }}
}}
"""
