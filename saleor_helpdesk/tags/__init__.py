"""Tags (issue 14): free labels staff put on tickets. Staff only: customers never see
them. `actions.py` edits tags and a ticket's tags; `statistics.py` counts tickets per
tag."""
