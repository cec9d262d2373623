"""Automation rules (issue 14): conditions, actions, the engine, triggers, the schedule
and the dry run. Macros and tags live in `macros.py` and `saleor_helpdesk/tags/`.

- `conditions.py`: what a rule may test, validated, and the facts about a ticket they
  are tested against (loaded for many tickets in a fixed number of queries).
- `actions.py`: what a rule may do, validated, each done through the domain actions
  (`saleor_helpdesk/actions/`) as the rule's own actor, so every event names the rule.
- `engine.py`: runs a trigger's rules on one ticket, once per occurrence.
- `triggers.py`: when rules run (a side-effect planner, and `fire()` for callers).
- `schedule.py`: the periodic run of scheduled rules.
- `dry_run.py`: which existing tickets a rule would match, changing nothing.
"""
