"""Dataloaders of time and effort: one batched computation per request."""

from ...effort.contracts import Budget, budgets_of
from ...models import SupportContract
from ..core.dataloaders import BaseLoader


class BudgetByContractLoader(BaseLoader):
    """What a contract's tickets drew and what is left: two queries for a whole page
    of contracts (`effort.contracts.budgets_of`)."""

    context_key = "effort_budget_by_contract"

    def batch_load(self, keys: list[SupportContract]) -> list[Budget]:
        # Keyed by the contract rows themselves (equal by primary key): they are
        # loaded already, and `budgets_of` needs their fields.
        budgets = budgets_of(keys)
        return [budgets[key.pk] for key in keys]
