import { Box, Button, Input, Text, Textarea } from "@saleor/macaw-ui";
import { type FormEvent, useEffect, useRef, useState } from "react";

import { useQuery } from "../../api/context";
import { useMutation } from "../../api/useMutation";
import { ContractsManager } from "../../effort/ContractsManager";
import {
  HelpdeskChannelsDocument,
  StaffTicketCreateDocument,
  type TicketFilterInput,
  type TicketKindEnum,
  WidgetTicketsDocument,
} from "../../generated/graphql";
import { useHost } from "../../host/host";
import { useI18n } from "../../i18n";
import {
  allowed,
  ERASE_PERMISSIONS,
  EXPORT_PERMISSIONS,
  PrivacyActions,
} from "../../privacy/PrivacyActions";
import { buildHash, type Route, routeParam } from "../../router";
import { StatusChip } from "../../ui/chips";
import { SelectField } from "../../ui/fields";
import { EmptyState, ErrorState, Loading } from "../../ui/StateViews";
import { KINDS } from "../inbox/inboxState";

/** Keep the Dashboard's widget iframe as tall as its content. */
function useAutoHeight() {
  const host = useHost();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = ref.current;

    if (!element || !host.reportHeight || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() =>
      host.reportHeight!(Math.ceil(element.getBoundingClientRect().height)),
    );

    observer.observe(element);

    return () => observer.disconnect();
  }, [host]);

  return ref;
}

export function OrderWidget({ route }: { route: Route }) {
  const orderId = routeParam(route, "orderId");

  return <WidgetTickets route={route} entity="order" id={orderId} />;
}

export function CustomerWidget({ route }: { route: Route }) {
  const customerId = routeParam(route, "customerId");

  return <WidgetTickets route={route} entity="customer" id={customerId} />;
}

function WidgetTickets({
  route,
  entity,
  id,
}: {
  route: Route;
  entity: "order" | "customer";
  id: string | null;
}) {
  const { t, lang, formatDate, label } = useI18n();
  const host = useHost();
  const ref = useAutoHeight();
  const [creating, setCreating] = useState(false);
  const filter: TicketFilterInput = entity === "order" ? { order: id } : { customer: id };
  const list = useQuery(WidgetTicketsDocument, { filter, languageCode: lang }, { skip: !id });
  const back = buildHash(route.path, route.query);
  const title = entity === "order" ? t("widget.orderTitle") : t("widget.customerTitle");

  let content;

  if (!id)
    content = (
      <ErrorState
        message={t("widget.missingId", { param: entity === "order" ? "orderId" : "customerId" })}
      />
    );
  else if (list.error && !list.data)
    content = <ErrorState message={list.error} onRetry={() => void list.refetch()} />;
  else if (!list.data) content = <Loading rows={3} />;
  else {
    const tickets = (list.data.tickets?.edges ?? [])
      .map((e) => e?.node)
      .filter((n): n is NonNullable<typeof n> => Boolean(n));

    content = tickets.length ? (
      <Box
        as="ul"
        display="flex"
        flexDirection="column"
        gap={2}
        padding={0}
        margin={0}
        style={{ listStyle: "none" }}
      >
        {tickets.map((ticket) => (
          <Box
            as="li"
            key={ticket.id}
            data-testid="widget-ticket"
            display="flex"
            justifyContent="space-between"
            alignItems="center"
            gap={2}
          >
            <Box display="flex" flexDirection="column">
              <a
                href={buildHash(`/tickets/${encodeURIComponent(ticket.id)}`, { back })}
                onClick={(event) => {
                  /*
                   * In the Dashboard the widget's frame is too small for a ticket: open
                   * it on the helpdesk's page instead (a modified click keeps the link).
                   */
                  if (!host.openTicket || event.metaKey || event.ctrlKey || event.shiftKey) return;
                  event.preventDefault();
                  host.openTicket(ticket.id);
                }}
              >
                #{ticket.number} {ticket.subject}
              </a>
              <Text size={1} color="default2">
                {label("kind", ticket.kind)} · {formatDate(ticket.createdAt)}
              </Text>
            </Box>
            <StatusChip group={ticket.status.group} name={ticket.status.name} />
          </Box>
        ))}
      </Box>
    ) : (
      <EmptyState title={t("widget.empty")} />
    );
  }

  return (
    <Box ref={ref} display="flex" flexDirection="column" gap={3} padding={4}>
      {/* The Dashboard's sidebar is narrow: the buttons wrap below the title as a
          whole rather than breaking their own words. */}
      <Box
        display="flex"
        flexWrap="wrap"
        justifyContent="space-between"
        alignItems="center"
        gap={2}
      >
        <Text as="h1" size={5} fontWeight="bold">
          {title}
        </Text>
        <Box display="flex" gap={2} flexShrink="0" style={{ whiteSpace: "nowrap" }}>
          {host.openApp && (
            <Button size="small" variant="tertiary" onClick={host.openApp}>
              {t("widget.openInbox")}
            </Button>
          )}
          {id && (
            <Button
              size="small"
              variant="secondary"
              aria-expanded={creating}
              onClick={() => setCreating((value) => !value)}
            >
              {t("widget.newTicket")}
            </Button>
          )}
        </Box>
      </Box>
      {creating && id && (
        <NewTicketForm
          entity={entity}
          id={id}
          onCreated={() => {
            setCreating(false);
            void list.refetch();
          }}
        />
      )}
      {content}
      {entity === "customer" &&
        id &&
        (allowed(host.permissions, EXPORT_PERMISSIONS) ||
          allowed(host.permissions, ERASE_PERMISSIONS)) && (
          <Box
            as="section"
            aria-label={t("privacy.actionsTitle")}
            display="flex"
            flexDirection="column"
            gap={2}
            paddingTop={3}
            borderTopStyle="solid"
            borderTopWidth={1}
            borderColor="default1"
          >
            <Text as="h2" size={3} fontWeight="bold">
              {t("privacy.actionsTitle")}
            </Text>
            <PrivacyActions subject={{ customer: id }} who={t("privacy.customer")} size="small" />
          </Box>
        )}
      {entity === "customer" && id && allowed(host.permissions, ["MANAGE_USERS"]) && (
        <ContractsManager customer={id} />
      )}
    </Box>
  );
}

function NewTicketForm({
  entity,
  id,
  onCreated,
}: {
  entity: "order" | "customer";
  id: string;
  onCreated: () => void;
}) {
  const { t, label } = useI18n();
  const host = useHost();
  const [createTicket, { busy }] = useMutation(StaffTicketCreateDocument);
  const [subject, setSubject] = useState("");
  const [body, setBody] = useState("");
  const [kind, setKind] = useState<TicketKindEnum>("QUESTION");
  const [channel, setChannel] = useState("");
  const [error, setError] = useState<string | null>(null);
  // A ticket about an order is in the order's channel; one for a customer needs a channel picked.
  const channels = useQuery(HelpdeskChannelsDocument, {}, { skip: entity !== "customer" });
  const channelList = channels.data?.helpdeskChannels ?? [];

  useEffect(() => {
    if (!channel && channelList[0]) setChannel(channelList[0].slug);
  }, [channel, channelList[0]?.slug]); // eslint-disable-line react-hooks/exhaustive-deps

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const result = await createTicket({
      input: {
        subject,
        body,
        kind,
        ...(entity === "order" ? { order: id } : { customer: id, ...(channel ? { channel } : {}) }),
      },
    });
    const ticket = result.status === "done" ? result.payload.ticket : null;

    if (!ticket) setError(result.problem ?? "—");
    else {
      host.notify({ status: "success", title: t("new.created", { number: ticket.number }) });
      setSubject("");
      setBody("");
      onCreated();
    }
  };

  return (
    <Box
      as="form"
      onSubmit={submit}
      aria-label={t("new.title")}
      display="flex"
      flexDirection="column"
      gap={2}
      padding={3}
      borderRadius={3}
      backgroundColor="default2"
    >
      <Input
        label={t("new.subject")}
        value={subject}
        onChange={(e) => setSubject(e.target.value)}
        required
      />
      <Textarea
        label={t("new.body")}
        value={body}
        rows={3}
        onChange={(e) => setBody(e.target.value)}
        required
      />
      <SelectField
        label={t("new.kind")}
        value={kind}
        options={KINDS.map((k) => ({ value: k, label: label("kind", k) }))}
        onChange={(value) => setKind(value as TicketKindEnum)}
      />
      {entity === "customer" && (
        <SelectField
          label={t("new.channel")}
          value={channel}
          options={channelList.map((c) => ({ value: c.slug, label: c.name }))}
          onChange={setChannel}
          disabled={!channels.data}
          placeholder={channelList.length ? undefined : "—"}
        />
      )}
      {error && (
        <Text role="alert" color="critical1">
          {error}
        </Text>
      )}
      <Box>
        <Button type="submit" disabled={busy}>
          {t("new.submit")}
        </Button>
      </Box>
    </Box>
  );
}
