import { Chip, Text } from "@saleor/macaw-ui";

import type { SlaStateEnum } from "../generated/graphql";
import { useI18n } from "../i18n";
import { dueText, stateTone } from "./format";

const TONES = {
  critical: "critical1",
  warning: "warning1",
  success: "success1",
  neutral: "default2",
} as const;

/** The inbox's "due in / overdue by" cell; `now` is passed in by tests. */
export function SlaDue({
  dueAt,
  state,
  now,
}: {
  dueAt?: string | null;
  state?: SlaStateEnum | null;
  now?: Date;
}) {
  const { t } = useI18n();
  const text = dueText({ dueAt, state, now: now ?? new Date() }, t);

  if (!state) return <Text color="default2">{text}</Text>;

  return (
    <Chip
      backgroundColor={TONES[stateTone(state)]}
      borderColor="transparent"
      data-testid="sla-due"
      data-sla-state={state}
      title={t(`sla.state.${state}`)}
    >
      <Text size={2}>{text}</Text>
    </Chip>
  );
}
