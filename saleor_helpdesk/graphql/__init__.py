"""The helpdesk's GraphQL API (graphene 2, as Saleor). Executed by `view.py` below the
plugin's URL, with Saleor's limits applied; never through Saleor's own GraphQLView."""
