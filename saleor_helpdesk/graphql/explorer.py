"""The interactive explorer served on GET in DEBUG (GraphiQL, loaded by the browser)."""

from django.utils.html import escape

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Helpdesk GraphQL</title>
<link rel="stylesheet" href="https://unpkg.com/graphiql@3.7.1/graphiql.min.css">
<style>html,body,#graphiql{height:100%;margin:0}</style></head>
<body><div id="graphiql">Loading the explorer…</div>
<script src="https://unpkg.com/react@18/umd/react.production.min.js"></script>
<script src="https://unpkg.com/react-dom@18/umd/react-dom.production.min.js"></script>
<script src="https://unpkg.com/graphiql@3.7.1/graphiql.min.js"></script>
<script>
const fetcher = GraphiQL.createFetcher({url: "{url}"});
ReactDOM.createRoot(document.getElementById("graphiql")).render(
  React.createElement(GraphiQL, {fetcher, defaultEditorToolsVisibility: true}));
</script></body></html>"""


def explorer_page(url: str) -> str:
    return PAGE.replace("{url}", escape(url))
