"""Privacy: erasing a customer's personal data, exporting it, and the retention policy
that erases or deletes closed tickets after a shop-defined period (GDPR art. 15, 17,
20 and the storage limitation of art. 5(1)(e))."""
