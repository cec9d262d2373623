SUBSCRIPTION_FIELDS = """
  id name targetUrl events channels isActive includeInternalComments signing
  suspendedReason
"""

WEBHOOK_SUBSCRIPTIONS = f"""
query {{ webhookSubscriptions {{ {SUBSCRIPTION_FIELDS} }} }}
"""

WEBHOOK_SUBSCRIPTION = f"""
query Subscription($id: ID!) {{
  webhookSubscription(id: $id) {{
    {SUBSCRIPTION_FIELDS}
    deliveries(first: 10) {{
      totalCount
      edges {{ node {{
        id eventId topic payload status attempts nextAttemptAt lastStatusCode
        lastDurationMs lastResponseExcerpt lastError deliveredAt
        attemptLog {{ number statusCode durationMs responseExcerpt error }}
      }} }}
    }}
  }}
}}
"""

WEBHOOK_TOPICS = "query { webhookTopics { name description } }"

CREATE = f"""
mutation Create($input: HelpdeskWebhookSubscriptionInput!) {{
  webhookSubscriptionCreate(input: $input) {{
    errors {{ field code message }}
    secret
    subscription {{ {SUBSCRIPTION_FIELDS} }}
  }}
}}
"""

UPDATE = f"""
mutation Update($id: ID!, $input: HelpdeskWebhookSubscriptionInput!) {{
  webhookSubscriptionUpdate(id: $id, input: $input) {{
    errors {{ field code message }}
    subscription {{ {SUBSCRIPTION_FIELDS} }}
  }}
}}
"""

DELETE = """
mutation Delete($id: ID!) {
  webhookSubscriptionDelete(id: $id) {
    errors { field code message }
    subscription { id name }
  }
}
"""

REDELIVER = """
mutation Redeliver($id: ID!) {
  webhookDeliveryRedeliver(id: $id) {
    errors { field code message }
    delivery { id eventId status attempts payload lastResponseExcerpt }
  }
}
"""
