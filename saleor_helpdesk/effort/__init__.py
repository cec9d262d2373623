"""Time and effort (issue 14): time measured while a ticket is open in the Dashboard
(`tracking`), time entered by hand (`manual`), support contracts and their budgets
(`contracts`), what a ticket cost (`summary`), statistics and the CSV export."""
