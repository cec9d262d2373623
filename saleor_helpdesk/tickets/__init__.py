"""Rules and reads about tickets that are not writes: who sees which ticket (`access`),
statuses and transitions (`workflow`), per-channel policies and responsibility
(`policies`), guests' order tokens (`guests`), the staff inbox's reads (`inbox`),
statistics, and the configuration a new shop starts with (`defaults`). Writes live in
`actions/`."""
