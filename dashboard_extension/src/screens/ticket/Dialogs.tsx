import { Box, Button, Input, Text, Textarea } from "@saleor/macaw-ui";
import { useState, type FormEvent } from "react";
import { errorMessage, mutationErrors } from "../../api/client";
import { useClient } from "../../api/context";
import { TicketForwardDocument, TicketMergeDocument } from "../../generated/graphql";
import { useHost } from "../../host/host";
import { useI18n } from "../../i18n";
import { navigate } from "../../router";
import { personName } from "../../ui/chips";
import { Dialog } from "../../ui/Dialog";
import { SelectField } from "../../ui/fields";
import type { Options, Ticket } from "./types";

export function ForwardDialog({ ticket, options, open, onClose, onDone }: { ticket: Ticket; options: Options | undefined; open: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const client = useClient();
  const host = useHost();
  const [toUser, setToUser] = useState("");
  const [toEmail, setToEmail] = useState("");
  const [message, setMessage] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const agents = (options?.supportAgents ?? []).filter((a) => a.isActive);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!toUser && !toEmail.trim()) {
      setError(t("forward.pickOne"));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await client.request(TicketForwardDocument, {
        id: ticket.id,
        input: { ...(toUser ? { toUser } : { toEmail: toEmail.trim() }), ...(message.trim() ? { message } : {}) },
      });
      const problem = mutationErrors(result.ticketForward?.errors);
      if (problem) setError(problem);
      else {
        host.notify({ status: "success", title: t("forward.done") });
        setMessage("");
        onDone();
        onClose();
      }
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
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
        <Input label={t("forward.toEmail")} type="email" value={toEmail} disabled={Boolean(toUser)} onChange={(e) => setToEmail(e.target.value)} />
        <Textarea label={t("forward.message")} value={message} rows={3} onChange={(e) => setMessage(e.target.value)} />
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

export function MergeDialog({ ticket, open, onClose }: { ticket: Ticket; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const client = useClient();
  const host = useHost();
  const [target, setTarget] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const candidates = (ticket.otherTickets?.edges ?? []).map((e) => e?.node).filter((n): n is NonNullable<typeof n> => Boolean(n));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!target) return;
    setBusy(true);
    setError(null);
    try {
      const result = await client.request(TicketMergeDocument, { id: ticket.id, target });
      const problem = mutationErrors(result.ticketMerge?.errors);
      const merged = result.ticketMerge?.ticket;
      if (problem || !merged) setError(problem ?? "—");
      else {
        host.notify({ status: "success", title: t("merge.done", { number: merged.number }) });
        onClose();
        navigate(`/tickets/${encodeURIComponent(merged.id)}`);
      }
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
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
