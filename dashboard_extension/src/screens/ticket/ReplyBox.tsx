import { Box, Button, Text, Textarea } from "@saleor/macaw-ui";
import { type ChangeEvent, type FormEvent, useEffect, useId, useRef, useState } from "react";

import { useQuery } from "../../api/context";
import { useLazyQuery } from "../../api/useLazyQuery";
import { useMutation } from "../../api/useMutation";
import {
  ReplyOrNoteDocument,
  ResponseTemplatePreviewDocument,
  ResponseTemplatesDocument,
  TicketSmsSendDocument,
} from "../../generated/graphql";
import { useHost } from "../../host/host";
import { useI18n } from "../../i18n";
import { SelectField } from "../../ui/fields";
import { htmlToText } from "../../ui/html";
import { MAX_PARTS, smsLimit, smsSize, smsText } from "./sms";
import type { Options, Ticket } from "./types";

const draftKey = (ticketId: string) => `saleor-helpdesk.draft.${ticketId}`;

/** A public reply (e-mailed), an internal note, or a reply sent to the customer's phone. */
type Mode = "public" | "internal" | "sms";

/**
 * The answer box: a public reply or an internal note, response templates, files and an
 * optional status change (seed 000: "-- Change Status --"); where the shop sends SMS, a
 * short reply by SMS to the ticket's mobile number instead (never for internal notes).
 * A failed send keeps the text; the draft also survives a reload (sessionStorage).
 */
export function ReplyBox({
  ticket,
  options,
  smsEnabled = false,
  onSent,
}: {
  ticket: Ticket;
  options: Options | undefined;
  smsEnabled?: boolean;
  onSent: () => void;
}) {
  const { t, lang } = useI18n();
  const host = useHost();
  const [renderTemplate] = useLazyQuery(ResponseTemplatePreviewDocument);
  const [addComment, { busy: sendingComment }] = useMutation(ReplyOrNoteDocument);
  const [sendSms, { busy: sendingSms }] = useMutation(TicketSmsSendDocument);
  const sending = sendingComment || sendingSms;
  const [body, setBody] = useState(() => sessionStorage.getItem(draftKey(ticket.id)) ?? "");
  const [mode, setMode] = useState<Mode>("public");
  const internal = mode === "internal";
  const sms = mode === "sms";
  const size = sms ? smsSize(body) : null;
  const [files, setFiles] = useState<File[]>([]);
  const [status, setStatus] = useState("");
  const [error, setError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const textareaId = useId();
  const fileId = useId();
  const smsHintId = useId();

  useEffect(() => {
    if (body) sessionStorage.setItem(draftKey(ticket.id), body);
    else sessionStorage.removeItem(draftKey(ticket.id));
  }, [body, ticket.id]);

  const templates = useQuery(ResponseTemplatesDocument, {
    languageCode: ticket.languageCode || lang,
    kind: ticket.kind,
  });
  const templateOptions = (templates.data?.responseTemplates ?? [])
    .filter((template) => template.isActive)
    .map((template) => ({ value: template.id, label: template.name }));

  const insertTemplate = async (id: string) => {
    if (!id) return;
    const result = await renderTemplate({ id, ticket: ticket.id });

    if (result.status === "failed") {
      setError(result.problem);

      return;
    }
    const text = htmlToText(result.data.responseTemplatePreview?.body ?? "");

    setBody((current) => (current.trim() ? `${current.trimEnd()}\n\n${text}` : text));
  };

  const statusOptions = (options?.ticketStatuses ?? [])
    .filter((s) => s.isActive && s.id !== ticket.status.id)
    .map((s) => ({ value: s.id, label: s.name }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      setError(t("reply.empty"));

      return;
    }
    setError(null);
    if (sms) {
      await submitSms();

      return;
    }
    const result = await addComment({
      id: ticket.id,
      input: {
        body,
        internal,
        ...(status ? { status } : {}),
        ...(files.length ? { attachments: files } : {}),
      },
    });

    if (result.status !== "done" || !result.payload.comment) {
      setError(t("reply.failed", { message: result.problem ?? "—" }));

      return;
    }
    setBody("");
    setFiles([]);
    setStatus("");
    if (fileInput.current) fileInput.current.value = "";
    host.notify({ status: "success", title: t("reply.sent") });
    onSent();
  };

  const submitSms = async () => {
    if (size && size.parts > MAX_PARTS) {
      setError(t("sms.tooLong", { max: smsLimit(size.gsm) }));

      return;
    }
    const result = await sendSms({ id: ticket.id, body: smsText(body) });

    if (result.status !== "done" || !result.payload.comment) {
      setError(t("reply.failed", { message: result.problem ?? "—" }));

      return;
    }
    setBody("");
    host.notify({ status: "success", title: t("sms.sent") });
    onSent();
  };

  return (
    <Box
      as="form"
      onSubmit={submit}
      aria-label={t("reply.title")}
      display="flex"
      flexDirection="column"
      gap={3}
      padding={4}
      borderRadius={4}
      borderStyle="solid"
      borderWidth={1}
      borderColor={internal ? "warning1" : "default1"}
      backgroundColor={internal ? "warning1" : "default1"}
    >
      <Box
        display="flex"
        justifyContent="space-between"
        alignItems="flex-end"
        gap={3}
        flexWrap="wrap"
      >
        <Box role="radiogroup" aria-label={t("reply.visibility")} display="flex" gap={1}>
          <Button
            type="button"
            role="radio"
            aria-checked={mode === "public"}
            variant={mode === "public" ? "primary" : "secondary"}
            onClick={() => setMode("public")}
          >
            {t("reply.public")}
          </Button>
          <Button
            type="button"
            role="radio"
            aria-checked={internal}
            variant={internal ? "primary" : "secondary"}
            onClick={() => setMode("internal")}
          >
            🔒 {t("reply.internal")}
          </Button>
          {smsEnabled && (
            <Button
              type="button"
              role="radio"
              aria-checked={sms}
              aria-describedby={smsHintId}
              variant={sms ? "primary" : "secondary"}
              disabled={!ticket.smsNumber}
              onClick={() => setMode("sms")}
            >
              📱 {t("sms.option")}
            </Button>
          )}
        </Box>
        <SelectField
          label={t("reply.template")}
          value=""
          placeholder={t("reply.templateNone")}
          options={templateOptions}
          onChange={(id) => void insertTemplate(id)}
          disabled={!templateOptions.length}
        />
      </Box>
      {smsEnabled && (
        <Text id={smsHintId} size={2} color={sms ? "default1" : "default2"}>
          {ticket.smsNumber ? t("sms.to", { number: ticket.smsNumber }) : t("sms.noNumber")}
        </Text>
      )}
      <Textarea
        id={textareaId}
        label={t("reply.body")}
        placeholder={
          sms
            ? t("sms.placeholder")
            : internal
            ? t("reply.placeholderInternal")
            : t("reply.placeholderPublic")
        }
        value={body}
        rows={6}
        onChange={(event: ChangeEvent<HTMLTextAreaElement>) => setBody(event.target.value)}
        error={Boolean(error)}
      />
      {size && (
        <Text
          size={2}
          data-testid="sms-size"
          color={size.parts > MAX_PARTS ? "critical1" : "default2"}
        >
          {t(size.gsm ? "sms.size" : "sms.sizeUnicode", { units: size.units, parts: size.parts })}
        </Text>
      )}
      {!sms && (
        <Box display="flex" gap={3} alignItems="flex-end" flexWrap="wrap">
          <Box display="flex" flexDirection="column" gap={1}>
            <label htmlFor={fileId}>
              <Text size={2} color="default2">
                {t("reply.attachments")}
              </Text>
            </label>
            <input
              id={fileId}
              ref={fileInput}
              type="file"
              multiple
              onChange={(event) =>
                setFiles((current) => [...current, ...Array.from(event.target.files ?? [])])
              }
            />
          </Box>
          {mode === "public" && (
            <SelectField
              label={t("reply.statusWith")}
              value={status}
              placeholder={t("reply.statusUnchanged")}
              options={statusOptions}
              onChange={setStatus}
            />
          )}
        </Box>
      )}
      {sms && files.length > 0 && (
        <Text size={2} color="critical1">
          {t("sms.noFiles")}
        </Text>
      )}
      {!sms && files.length > 0 && (
        <Box
          as="ul"
          display="flex"
          gap={2}
          flexWrap="wrap"
          padding={0}
          margin={0}
          style={{ listStyle: "none" }}
        >
          {files.map((file, index) => (
            <li key={`${file.name}-${index}`}>
              <Text size={2}>{file.name} </Text>
              <Button
                type="button"
                size="small"
                variant="tertiary"
                aria-label={t("reply.removeFile", { name: file.name })}
                onClick={() => setFiles((current) => current.filter((_, i) => i !== index))}
              >
                ×
              </Button>
            </li>
          ))}
        </Box>
      )}
      {error && (
        <Text role="alert" color="critical1">
          {error}
        </Text>
      )}
      <Box display="flex" justifyContent="flex-end">
        <Button type="submit" disabled={sending}>
          {sending
            ? t("reply.sending")
            : sms
            ? t("sms.send")
            : internal
            ? t("reply.sendNote")
            : t("reply.send")}
        </Button>
      </Box>
    </Box>
  );
}
