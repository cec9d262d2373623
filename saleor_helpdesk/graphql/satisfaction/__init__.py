"""The satisfaction survey's API: a ticket's rating, rating as a customer or guest,
the survey's settings and the satisfaction statistics."""
