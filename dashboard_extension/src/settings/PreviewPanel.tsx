import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { Box, Button, Text } from "@saleor/macaw-ui";
import { type ReactNode, useEffect, useState } from "react";

import { useQuery } from "../api/context";
import { useLazyQuery } from "../api/useLazyQuery";
import { SettingsPreviewTicketsDocument } from "../generated/graphql";
import { useI18n } from "../i18n";
import { SelectField } from "../ui/fields";

/**
 * The preview of a saved text (a response template, an e-mail) filled with one of the
 * recent tickets: the merchant picks the ticket and asks for it. `variables` makes the
 * query's variables for the picked ticket, `pick` takes the preview from its answer (none:
 * the API cannot preview it), and `children` shows it.
 */
export function PreviewPanel<TData, TVariables, TPreview>({
  document,
  variables,
  pick,
  children,
}: {
  document: TypedDocumentNode<TData, TVariables>;
  variables: (ticket: string) => TVariables;
  pick: (data: TData) => TPreview | null | undefined;
  children: (preview: TPreview) => ReactNode;
}) {
  const { t } = useI18n();
  const [ticket, setTicket] = useState("");
  const [load, { busy }] = useLazyQuery(document);
  const [shown, setShown] = useState<
    { status: "error"; message: string } | { status: "done"; preview: TPreview } | null
  >(null);
  const run = async () => {
    setShown(null);
    const result = await load(variables(ticket));

    if (result.status === "failed") {
      setShown({ status: "error", message: result.problem });

      return;
    }
    const preview = pick(result.data);

    setShown(
      preview
        ? { status: "done", preview }
        : { status: "error", message: t("settings.previewUnavailable") },
    );
  };

  return (
    <Box
      as="section"
      aria-label={t("settings.preview")}
      display="flex"
      flexDirection="column"
      gap={2}
      padding={3}
      borderRadius={3}
      borderStyle="solid"
      borderWidth={1}
      borderColor="default1"
    >
      <Text size={2} color="default2">
        {t("settings.previewSavedHint")}
      </Text>
      <Box display="flex" gap={2} alignItems="flex-end" flexWrap="wrap">
        <PreviewTicketPicker value={ticket} onChange={setTicket} />
        <Button
          type="button"
          variant="secondary"
          disabled={!ticket || busy}
          onClick={() => void run()}
        >
          {t("settings.showPreview")}
        </Button>
      </Box>
      <Box aria-live="polite">
        {busy && <Text size={2}>{t("state.loading")}</Text>}
        {!busy && shown?.status === "error" && (
          <Text role="alert" color="critical1">
            {t("state.error", { message: shown.message })}
          </Text>
        )}
        {!busy && shown?.status === "done" && children(shown.preview)}
      </Box>
    </Box>
  );
}

/** A ticket to fill previews with: one of the recent tickets. */
function PreviewTicketPicker({
  value,
  onChange,
}: {
  value: string;
  onChange: (id: string) => void;
}) {
  const { t } = useI18n();
  const tickets = useQuery(SettingsPreviewTicketsDocument, {});
  const options = (tickets.data?.tickets?.edges ?? []).flatMap((e) =>
    e?.node ? [{ value: e.node.id, label: `#${e.node.number} ${e.node.subject}` }] : [],
  );

  useEffect(() => {
    if (!value && options[0]) onChange(options[0].value);
  }, [value, options[0]?.value]); // eslint-disable-line react-hooks/exhaustive-deps
  if (tickets.error)
    return <Text color="critical1">{t("state.error", { message: tickets.error })}</Text>;
  if (tickets.data && options.length === 0)
    return (
      <Text size={2} color="default2">
        {t("settings.previewNoTickets")}
      </Text>
    );

  return (
    <SelectField
      label={t("settings.previewTicket")}
      value={value}
      options={options}
      onChange={onChange}
      disabled={!tickets.data}
    />
  );
}
