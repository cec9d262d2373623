import { Box, Button, Input, Text, Textarea } from "@saleor/macaw-ui";
import { type FormEvent, useState } from "react";

import { useMutation } from "../../api/useMutation";
import { TicketForwardDocument, TicketMergeDocument } from "../../generated/graphql";
import { useHost } from "../../host/host";
import { useI18n } from "../../i18n";
import { navigate } from "../../router";
import { personName } from "../../ui/chips";
import { Dialog } from "../../ui/Dialog";
import { SelectField } from "../../ui/fields";
import type { Options, Ticket } from "./types";

export function ForwardDialog({
  ticket,
  options,
  open,
  onClose,
  onDone,
}: {
  ticket: Ticket;
  options: Options | undefined;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const host = useHost();
  const [forward, { busy }] = useMutation(TicketForwardDocument);
  const [toUser, setToUser] = useState("");
  const [toEmail, setToEmail] = useState("");
  const [message, setMessage] = useState("");
  const [error, setError] = useState<string | null>(null);
  const agents = (options?.supportAgents ?? []).filter((a) => a.isActive);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!toUser && !toEmail.trim()) {
      setError(t("forward.pickOne"));

      return;
    }
    setError(null);
    const { problem } = await forward({
      id: ticket.id,
      input: {
        ...(toUser ? { toUser } : { toEmail: toEmail.trim() }),
        ...(message.trim() ? { message } : {}),
      },
    });

    if (problem) setError(problem);
    else {
      host.notify({ status: "success", title: t("forward.done") });
      setMessage("");
      onDone();
      onClose();
    }
  };

  return (
    <Dialog open={open} onClose={onClose} title={t("forward.title")}>
      <Box as="form" onSubmit={submit} display="flex" flexDirection="column" gap={3}>
        <SelectField
          label={t("forward.toUser")}
          value={toUser}
          placeholder="—"
          options={agents.map((a) => ({ value: a.user.id, label: personName(a.user) }))}
          onChange={(value) => {
            setToUser(value);
            if (value) setToEmail("");
          }}
        />
        <Input
          label={t("forward.toEmail")}
          type="email"
          value={toEmail}
          disabled={Boolean(toUser)}
          onChange={(e) => setToEmail(e.target.value)}
        />
        <Textarea
          label={t("forward.message")}
          value={message}
          rows={3}
          onChange={(e) => setMessage(e.target.value)}
        />
        {error && (
          <Text role="alert" color="critical1">
            {error}
          </Text>
        )}
        <Box display="flex" justifyContent="flex-end" gap={2}>
          <Button type="button" variant="secondary" onClick={onClose}>
            {t("dialog.cancel")}
          </Button>
          <Button type="submit" disabled={busy}>
            {t("forward.submit")}
          </Button>
        </Box>
      </Box>
    </Dialog>
  );
}

export function MergeDialog({
  ticket,
  open,
  onClose,
}: {
  ticket: Ticket;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const host = useHost();
  const [merge, { busy }] = useMutation(TicketMergeDocument);
  const [target, setTarget] = useState("");
  const [error, setError] = useState<string | null>(null);
  const candidates = (ticket.otherTickets?.edges ?? [])
    .map((e) => e?.node)
    .filter((n): n is NonNullable<typeof n> => Boolean(n));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!target) return;
    setError(null);
    const result = await merge({ id: ticket.id, target });
    const merged = result.status === "done" ? result.payload.ticket : null;

    if (!merged) setError(result.problem ?? "—");
    else {
      host.notify({ status: "success", title: t("merge.done", { number: merged.number }) });
      onClose();
      navigate(`/tickets/${encodeURIComponent(merged.id)}`);
    }
  };

  return (
    <Dialog open={open} onClose={onClose} title={t("merge.title")}>
      <Box as="form" onSubmit={submit} display="flex" flexDirection="column" gap={3}>
        <Text color="default2">{t("merge.intro")}</Text>
        {candidates.length ? (
          <SelectField
            label={t("merge.target")}
            value={target}
            placeholder="—"
            options={candidates.map((c) => ({ value: c.id, label: `#${c.number} ${c.subject}` }))}
            onChange={setTarget}
          />
        ) : (
          <Text>{t("merge.noTargets")}</Text>
        )}
        {error && (
          <Text role="alert" color="critical1">
            {error}
          </Text>
        )}
        <Box display="flex" justifyContent="flex-end" gap={2}>
          <Button type="button" variant="secondary" onClick={onClose}>
            {t("dialog.cancel")}
          </Button>
          <Button type="submit" disabled={busy || !target}>
            {t("merge.submit")}
          </Button>
        </Box>
      </Box>
    </Dialog>
  );
}
