"""The mailbox API's operations, as the Dashboard would send them."""

ERRORS = "errors { field code message }"

MAILBOX_FIELDS = """
  id name address kind channel { id slug name } contact { slug } isActive languageCode
  imapHost imapPort imapSecurity imapUser hasPassword imapFolder afterFetch
  moveToFolder maxMessageSize ticketsPerSenderPerHour hasPushSecret pushUrl
  webhookUrls { esp url } lastFetchAt lastFetchResult lastFetchError lastFetchCount
  reviewCount
"""

INBOUND_FIELDS = """
  id via status fromAddress fromName subject sentAt receivedAt size note
  ticket { number } mailbox { address } reviewedAt originalUrl
"""

MAILBOXES = f"query {{ helpdeskMailboxes {{ {MAILBOX_FIELDS} }} }}"

MAILBOX = f"query($id: ID!) {{ helpdeskMailbox(id: $id) {{ {MAILBOX_FIELDS} }} }}"

INBOUND_EMAILS = f"""
query($mailbox: ID, $status: [HelpdeskInboundEmailStatusEnum!], $first: Int,
      $after: String) {{
  helpdeskInboundEmails(mailbox: $mailbox, status: $status, first: $first,
                        after: $after) {{
    totalCount pageInfo {{ hasNextPage endCursor }}
    edges {{ node {{ {INBOUND_FIELDS} }} }}
  }}
}}
"""

CREATE = f"""
mutation($input: HelpdeskMailboxInput!) {{
  helpdeskMailboxCreate(input: $input) {{
    {ERRORS} pushSecret mailbox {{ {MAILBOX_FIELDS} }}
  }}
}}
"""

UPDATE = f"""
mutation($id: ID!, $input: HelpdeskMailboxInput!) {{
  helpdeskMailboxUpdate(id: $id, input: $input) {{
    {ERRORS} mailbox {{ {MAILBOX_FIELDS} }}
  }}
}}
"""

DELETE = f"""
mutation($id: ID!) {{ helpdeskMailboxDelete(id: $id) {{ {ERRORS} mailbox {{ id }} }} }}
"""

CONNECTION_TEST = f"""
mutation($id: ID, $input: HelpdeskMailboxInput) {{
  helpdeskMailboxConnectionTest(id: $id, input: $input) {{ {ERRORS} ok code message }}
}}
"""

ENABLE = f"""
mutation($id: ID!) {{
  helpdeskMailboxEnable(id: $id) {{ {ERRORS} mailbox {{ isActive }} }}
}}
"""

DISABLE = f"""
mutation($id: ID!) {{
  helpdeskMailboxDisable(id: $id) {{ {ERRORS} mailbox {{ isActive }} }}
}}
"""

PUSH_SECRET_ROTATE = f"""
mutation($id: ID!) {{
  helpdeskMailboxPushSecretRotate(id: $id) {{
    {ERRORS} pushSecret mailbox {{ hasPushSecret }}
  }}
}}
"""

ACCEPT = f"""
mutation($id: ID!) {{
  helpdeskInboundEmailAccept(id: $id) {{
    {ERRORS} inboundEmail {{ status reviewedAt }}
    ticket {{ number ccEmails comments(first: 10) {{ edges {{ node {{
      visibility authorType email {{ status }}
    }} }} }} }}
  }}
}}
"""

REJECT = f"""
mutation($id: ID!) {{
  helpdeskInboundEmailReject(id: $id) {{ {ERRORS} inboundEmail {{ status reviewedAt }} }}
}}
"""
