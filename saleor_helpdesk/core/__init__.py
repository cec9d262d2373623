"""The vocabulary every layer shares: who acts (`actor`), the enumerations
(`constants`), refusals (`errors`, `error_codes`), Saleor permissions, amounts of money,
the NUL rule, choice labels and the deployment settings (`conf`). Imports nothing else of
the helpdesk, so any module may import it."""
