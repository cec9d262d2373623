import { Box, Button, Text } from "@saleor/macaw-ui";
import { useState } from "react";

import { useClient, useQuery } from "../api/context";
import { useMutation } from "../api/useMutation";
import {
  TicketMacroApplyDocument,
  TicketMacroPreviewDocument,
  type TicketMacroPreviewQuery,
  TicketTagsAndMacrosDocument,
  TicketTagsUpdateDocument,
} from "../generated/graphql";
import { useHost } from "../host/host";
import { useI18n } from "../i18n";
import { Section, SelectField } from "../ui/fields";
import { Html } from "../ui/html";

type Preview = TicketMacroPreviewQuery["helpdeskMacroPreview"];

/**
 * The ticket page's tags (staff only) and macros: a macro is previewed first (its reply
 * exactly as it would be posted), then applied in one step.
 */
export function TicketAutomation({
  ticketId,
  onChanged,
}: {
  ticketId: string;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const host = useHost();
  const client = useClient();
  const query = useQuery(TicketTagsAndMacrosDocument, { id: ticketId });
  const [updateTags, tagsState] = useMutation(TicketTagsUpdateDocument);
  const [applyMacro, applyState] = useMutation(TicketMacroApplyDocument);
  const [macroId, setMacroId] = useState("");
  const [preview, setPreview] = useState<{ macroId: string; value: Preview } | null>(null);

  const data = query.data;
  const tags = data?.ticket?.tags ?? [];
  const unused = (data?.helpdeskTags ?? []).filter((tag) => !tags.some((t2) => t2.id === tag.id));
  const changeTags = async (variables: { add?: string[]; remove?: string[] }) => {
    const result = await updateTags({ id: ticketId, ...variables });

    if (!result.problem) void query.refetch();
  };

  return (
    <Section title={t("automation.ticketTags")}>
      <Box display="flex" gap={2} flexWrap="wrap" data-testid="ticket-tags">
        {tags.length === 0 ? <Text color="default2">{t("automation.noTicketTags")}</Text> : null}
        {tags.map((tag) => (
          <Box
            key={tag.id}
            display="flex"
            alignItems="center"
            gap={1}
            paddingX={2}
            borderRadius={4}
            __backgroundColor={tag.colour}
            __color="#fff"
          >
            <Text size={2} __color="#fff">
              {tag.name}
            </Text>
            <Button
              type="button"
              size="small"
              variant="tertiary"
              aria-label={t("automation.removeTag", { name: tag.name })}
              onClick={() => void changeTags({ remove: [tag.slug] })}
            >
              ×
            </Button>
          </Box>
        ))}
      </Box>
      {unused.length > 0 ? (
        <SelectField
          label={t("automation.addTicketTag")}
          value=""
          placeholder={t("automation.addTicketTag")}
          options={unused.map((tag) => ({ value: tag.slug, label: tag.name }))}
          onChange={(slug) => void changeTags({ add: [slug] })}
        />
      ) : null}
      {tagsState.problem ? (
        <Text role="alert" color="critical1">
          {tagsState.problem}
        </Text>
      ) : null}
      <SelectField
        label={t("automation.macro")}
        value={macroId}
        placeholder={t("automation.chooseMacro")}
        options={(data?.helpdeskMacros ?? [])
          .filter((m) => m.isActive)
          .map((m) => ({ value: m.id, label: m.name }))}
        onChange={async (id) => {
          setMacroId(id);
          setPreview(null);
          if (!id) return;
          const answer = await client.request(TicketMacroPreviewDocument, {
            ticket: ticketId,
            macro: id,
          });

          setPreview({ macroId: id, value: answer.helpdeskMacroPreview });
        }}
      />
      {preview && preview.macroId === macroId ? (
        <Box
          data-testid="macro-preview"
          display="flex"
          flexDirection="column"
          gap={1}
          padding={2}
          borderWidth={1}
          borderStyle="solid"
          borderColor="default1"
          borderRadius={3}
        >
          <Text fontWeight="bold">{t("automation.preview")}</Text>
          {preview.value ? (
            <>
              {preview.value.subject ? <Text>{preview.value.subject}</Text> : null}
              <Html html={preview.value.body} />
            </>
          ) : (
            <Text color="default2">{t("automation.noReply")}</Text>
          )}
          <Box>
            <Button
              type="button"
              variant="primary"
              disabled={applyState.busy}
              onClick={async () => {
                const result = await applyMacro({ ticket: ticketId, macro: macroId });

                if (result.problem) return;
                host.notify({ status: "success", title: t("automation.applied") });
                setMacroId("");
                setPreview(null);
                void query.refetch();
                onChanged();
              }}
            >
              {t("automation.apply")}
            </Button>
          </Box>
        </Box>
      ) : null}
      {applyState.problem ? (
        <Text role="alert" color="critical1">
          {applyState.problem}
        </Text>
      ) : null}
    </Section>
  );
}
