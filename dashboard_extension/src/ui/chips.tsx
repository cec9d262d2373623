import { Chip, Text } from "@saleor/macaw-ui";

type Group = "NEW" | "OPEN" | "WAITING" | "CLOSED" | string;

const GROUP_COLORS: Record<string, "info1" | "accent1" | "warning1" | "default2" | "success1"> = {
  NEW: "info1",
  OPEN: "success1",
  WAITING: "warning1",
  CLOSED: "default2",
};

export function StatusChip({ group, name }: { group: Group; name: string }) {
  return (
    <Chip
      backgroundColor={GROUP_COLORS[group] ?? "default2"}
      borderColor="transparent"
      data-group={group}
    >
      <Text size={2}>{name}</Text>
    </Chip>
  );
}

export function personName(user: {
  firstName?: string | null;
  lastName?: string | null;
  email: string;
}): string {
  const name = [user.firstName, user.lastName].filter(Boolean).join(" ").trim();

  return name || user.email;
}
