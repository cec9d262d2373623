import { Text } from "@saleor/macaw-ui";
import { useEffect } from "react";
import { useQuery } from "../api/context";
import { SettingsPreviewTicketsDocument } from "../generated/graphql";
import { useI18n } from "../i18n";
import { SelectField } from "../ui/fields";

/** A ticket to fill previews with: one of the recent tickets. */
export function PreviewTicketPicker({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const { t } = useI18n();
  const tickets = useQuery(SettingsPreviewTicketsDocument, {});
  const options = (tickets.data?.tickets?.edges ?? []).flatMap((e) => (e?.node ? [{ value: e.node.id, label: `#${e.node.number} ${e.node.subject}` }] : []));
  useEffect(() => {
    if (!value && options[0]) onChange(options[0].value);
  }, [value, options[0]?.value]); // eslint-disable-line react-hooks/exhaustive-deps
  if (tickets.error) return <Text color="critical1">{t("state.error", { message: tickets.error })}</Text>;
  if (tickets.data && options.length === 0) return <Text size={2} color="default2">{t("settings.previewNoTickets")}</Text>;
  return <SelectField label={t("settings.previewTicket")} value={value} options={options} onChange={onChange} disabled={!tickets.data} />;
}
