"""The ticket's timeline and what reacts to it: `events` writes every `TicketEvent`
row (one function per type), `side_effects` hands each committed event to the planners
(e-mails, webhooks), `order_events` puts what happened to an order or customer in the
shop on the tickets it concerns."""
