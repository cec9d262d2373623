import { Box, Button, Text } from "@saleor/macaw-ui";
import { type FormEvent, useEffect, useState } from "react";

import { useQuery } from "../api/context";
import { useMutation } from "../api/useMutation";
import {
  type ComplaintReasonEnum,
  SettingsRefundReasonsDocument,
  SettingsRefundReasonSetDocument,
} from "../generated/graphql";
import { useI18n } from "../i18n";
import { Section, SelectField } from "../ui/fields";
import { SaveStatus } from "../ui/StateViews";
import { useSaver } from "../ui/useSaver";
import { QueryView } from "./common";

export const COMPLAINT_REASONS: ComplaintReasonEnum[] = [
  "DEFECTIVE",
  "DAMAGED_IN_TRANSIT",
  "WRONG_ITEM",
  "MISSING_ITEM",
  "NOT_AS_DESCRIBED",
  "NOT_DELIVERED",
  "OTHER",
];

/** Which shop refund reason each complaint reason preselects in the refund dialog. */
export function RefundReasonsSettings() {
  const { t } = useI18n();
  const query = useQuery(SettingsRefundReasonsDocument, {});

  return (
    <Section title={t("settings.refundReasons")}>
      <Text color="default2">{t("settings.refundReasonsIntro")}</Text>
      <QueryView query={query}>
        {(data) => (
          <Box display="flex" flexDirection="column" gap={3}>
            {data.refundReasons === null || data.refundReasons === undefined ? (
              <Text role="note" color="default2">
                {t("settings.noRefundReasons")}
              </Text>
            ) : null}
            {COMPLAINT_REASONS.map((reason) => (
              <RefundReasonRow
                key={reason}
                reason={reason}
                reasons={data.refundReasons ?? []}
                current={
                  data.refundReasonMappings?.find((m) => m.complaintReason === reason)?.reasonId ??
                  ""
                }
                onSaved={() => void query.refetch()}
              />
            ))}
          </Box>
        )}
      </QueryView>
    </Section>
  );
}

function RefundReasonRow({
  reason,
  reasons,
  current,
  onSaved,
}: {
  reason: ComplaintReasonEnum;
  reasons: ReadonlyArray<{ id: string; title: string }>;
  current: string;
  onSaved: () => void;
}) {
  const { t, label } = useI18n();
  const [setMapping] = useMutation(SettingsRefundReasonSetDocument);
  const [value, setValue] = useState(current);
  const [saveState, runSave] = useSaver();

  useEffect(() => setValue(current), [current]);
  const options = reasons.map((r) => ({ value: r.id, label: r.title }));

  // A mapping to a page that is no longer a refund reason stays visible (and can be cleared).
  if (current && !reasons.some((r) => r.id === current))
    options.push({ value: current, label: t("settings.refundReasonUnknown", { id: current }) });

  return (
    <Box
      as="form"
      aria-label={label("reason", reason)}
      display="flex"
      gap={2}
      alignItems="flex-end"
      flexWrap="wrap"
      onSubmit={async (event: FormEvent) => {
        event.preventDefault();
        const ok = await runSave(
          async () =>
            (await setMapping({ input: { complaintReason: reason, reasonId: value || null } }))
              .problem,
        );

        if (ok) onSaved();
      }}
    >
      <Box __minWidth="320px">
        <SelectField
          label={t("settings.refundReasonFor", { reason: label("reason", reason) })}
          value={value}
          placeholder={t("settings.refundReasonNone")}
          options={options}
          onChange={setValue}
        />
      </Box>
      <Button type="submit" size="small" variant="secondary">
        {t("settings.save")}
      </Button>
      <SaveStatus state={saveState} />
    </Box>
  );
}
