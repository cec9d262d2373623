import { Box, Button, Text, Textarea } from "@saleor/macaw-ui";
import { type FormEvent, useState } from "react";

import { useMutation } from "../../api/useMutation";
import { ComplaintDecideDocument, type ComplaintDecisionEnum } from "../../generated/graphql";
import { useI18n } from "../../i18n";
import { AuthorizedImage } from "../../ui/Attachments";
import { Field, Section, SelectField } from "../../ui/fields";
import { Html } from "../../ui/html";
import { SaveStatus } from "../../ui/StateViews";
import { useSaver } from "../../ui/useSaver";
import type { Ticket } from "./types";

const DECISIONS: ComplaintDecisionEnum[] = [
  "REFUND",
  "REPLACEMENT",
  "REPAIR",
  "CREDIT",
  "REJECTED",
];

/**
 * The complaint (seed 004): complained lines with quantities and reasons, the photos,
 * the form's fields, what the customer asks for and the merchant's decision.
 */
export function ComplaintSection({ ticket, onChanged }: { ticket: Ticket; onChanged: () => void }) {
  const { t, label, formatDate } = useI18n();
  const [decide] = useMutation(ComplaintDecideDocument);
  const complaint = ticket.complaint;
  const [decision, setDecision] = useState<string>(
    complaint && complaint.decision !== "PENDING" ? complaint.decision : "",
  );
  const [note, setNote] = useState("");
  const [saveState, save] = useSaver();

  const photos = [
    ...ticket.attachments,
    ...(ticket.comments?.edges ?? []).flatMap((edge) => edge?.node?.attachments ?? []),
  ].filter(
    (attachment, index, all) =>
      attachment.contentType.startsWith("image/") &&
      all.findIndex((a) => a.id === attachment.id) === index,
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!decision) return;
    const ok = await save(
      async () =>
        (
          await decide({
            id: ticket.id,
            input: { decision: decision as ComplaintDecisionEnum, note },
          })
        ).problem,
    );

    if (ok) {
      setNote("");
      onChanged();
    }
  };

  return (
    <Section title={t("complaint.title")}>
      <Text as="h3" size={4} fontWeight="bold">
        {t("complaint.lines")}
      </Text>
      {ticket.lines.length ? (
        <Box as="table" __width="100%" __borderCollapse="collapse">
          <thead>
            <tr>
              <th style={{ textAlign: "left" }}>{t("order.product")}</th>
              <th style={{ textAlign: "left" }}>{t("complaint.sku")}</th>
              <th style={{ textAlign: "right" }}>{t("order.quantity")}</th>
              <th style={{ textAlign: "left" }}>{t("complaint.reason")}</th>
              <th style={{ textAlign: "left" }}>{t("complaint.note")}</th>
            </tr>
          </thead>
          <tbody>
            {ticket.lines.map((line) => (
              <tr key={line.id} data-testid="complaint-line">
                <td>{line.productName}</td>
                <td>{line.productSku || "—"}</td>
                <td style={{ textAlign: "right" }}>{line.quantity}</td>
                <td>{label("reason", line.reason)}</td>
                <td>{line.note || "—"}</td>
              </tr>
            ))}
          </tbody>
        </Box>
      ) : (
        <Text color="default2">{t("complaint.noLines")}</Text>
      )}

      <Text as="h3" size={4} fontWeight="bold">
        {t("complaint.photos")}
      </Text>
      {photos.length ? (
        <Box display="flex" gap={3} flexWrap="wrap">
          {photos.map((photo) => (
            <AuthorizedImage key={photo.id} attachment={photo} />
          ))}
        </Box>
      ) : (
        <Text color="default2">{t("complaint.noPhotos")}</Text>
      )}

      {complaint && (
        <Box display="flex" flexDirection="column" gap={1}>
          {complaint.customerNumber && (
            <Field label={t("complaint.customerNumber")}>{complaint.customerNumber}</Field>
          )}
          {complaint.orderNumber && (
            <Field label={t("complaint.orderNumber")}>{complaint.orderNumber}</Field>
          )}
          {complaint.articleNumber && (
            <Field label={t("complaint.articleNumber")}>{complaint.articleNumber}</Field>
          )}
          {complaint.description && (
            <Box>
              <Text size={2} color="default2">
                {t("complaint.description")}
              </Text>
              <Html html={complaint.description} />
            </Box>
          )}
          {complaint.comment && (
            <Box>
              <Text size={2} color="default2">
                {t("complaint.comment")}
              </Text>
              <Html html={complaint.comment} />
            </Box>
          )}
          <Field label={t("complaint.requested")}>
            {complaint.requestedResolution
              ? label("resolution", complaint.requestedResolution)
              : t("complaint.none")}
          </Field>
          <Field label={t("complaint.decision")}>
            <span data-testid="complaint-decision">{label("decision", complaint.decision)}</span>
          </Field>
          {complaint.decidedAt && (
            <Text size={2} color="default2">
              {t("complaint.decidedAt", { date: formatDate(complaint.decidedAt) })}
            </Text>
          )}
          {complaint.decisionNote && <Html html={complaint.decisionNote} />}
        </Box>
      )}

      <Box
        as="form"
        onSubmit={submit}
        display="flex"
        flexDirection="column"
        gap={2}
        aria-label={t("complaint.decide")}
      >
        <SelectField
          label={t("complaint.decision")}
          value={decision}
          placeholder="—"
          options={DECISIONS.map((value) => ({ value, label: label("decision", value) }))}
          onChange={setDecision}
        />
        <Textarea
          label={t("complaint.decisionNote")}
          value={note}
          rows={3}
          onChange={(e) => setNote(e.target.value)}
        />
        <Box display="flex" gap={2} alignItems="center">
          <Button
            type="submit"
            variant="secondary"
            disabled={!decision || saveState.status === "saving"}
          >
            {t("complaint.decide")}
          </Button>
          <SaveStatus state={saveState} />
        </Box>
      </Box>
    </Section>
  );
}
