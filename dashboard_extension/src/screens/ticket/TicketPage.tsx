import { Box, Button, Chip, Text } from "@saleor/macaw-ui";
import { useState } from "react";

import { useQuery } from "../../api/context";
import { useMutation } from "../../api/useMutation";
import { TicketAutomation } from "../../automation/TicketAutomation";
import { TimePanel } from "../../effort/TimePanel";
import {
  InboxOptionsDocument,
  TicketClaimDocument,
  TicketDetailsDocument,
} from "../../generated/graphql";
import { useHost } from "../../host/host";
import { useI18n } from "../../i18n";
import { hasEmail, TicketEmailsSection, UnverifiedBanners } from "../../mail/TicketEmail";
import type { Route } from "../../router";
import { TicketRating } from "../../satisfaction/RatingSection";
import { SlaPanel } from "../../sla/SlaPanel";
import { AttachmentList } from "../../ui/Attachments";
import { StatusChip } from "../../ui/chips";
import { Section } from "../../ui/fields";
import { EmptyState, ErrorState, Loading } from "../../ui/StateViews";
import { ComplaintSection } from "./ComplaintSection";
import { ForwardDialog, MergeDialog } from "./Dialogs";
import { CustomerPanel, OrderPanel } from "./Panels";
import { RefundsSection } from "./Refunds";
import { ReplyBox } from "./ReplyBox";
import { SidePanel } from "./SidePanel";
import { Timeline } from "./Timeline";

export function TicketPage({ id, route }: { id: string; route?: Route }) {
  const { t, lang, label } = useI18n();
  const host = useHost();
  const details = useQuery(TicketDetailsDocument, { id, languageCode: lang });
  const options = useQuery(InboxOptionsDocument, { languageCode: lang });
  const [claimTicket] = useMutation(TicketClaimDocument);
  const [dialog, setDialog] = useState<"forward" | "merge" | null>(null);
  const back = route?.query.get("back") ?? "#/inbox";

  const refresh = () => void details.refetch();

  if (details.error && !details.data) {
    return (
      <Box padding={6}>
        <ErrorState message={details.error} onRetry={refresh} />
      </Box>
    );
  }
  if (!details.data) {
    return (
      <Box padding={6}>
        <Loading rows={8} label={t("ticket.loadingTitle")} />
      </Box>
    );
  }
  const ticket = details.data.ticket;

  if (!ticket) {
    return (
      <Box padding={6}>
        <EmptyState title={t("ticket.notFound")}>
          <a href="#/inbox">{t("app.backToInbox")}</a>
        </EmptyState>
      </Box>
    );
  }

  const claim = async () => {
    const { problem } = await claimTicket({ id: ticket.id });

    if (problem)
      host.notify({ status: "error", title: t("state.saveFailed", { message: problem }) });
    else {
      host.notify({ status: "success", title: t("ticket.claimed") });
      refresh();
    }
  };

  const isComplaint = ticket.kind === "COMPLAINT" || Boolean(ticket.complaint);

  return (
    <Box as="main" display="flex" flexDirection="column" gap={4} padding={6}>
      <a href={back.startsWith("#") ? back : "#/inbox"}>← {t("app.backToInbox")}</a>
      <Box
        display="flex"
        justifyContent="space-between"
        alignItems="flex-start"
        gap={4}
        flexWrap="wrap"
      >
        <Box display="flex" flexDirection="column" gap={2}>
          <Text as="h1" size={9} fontWeight="bold">
            #{ticket.number} {ticket.subject}
          </Text>
          <Box display="flex" gap={2} alignItems="center" flexWrap="wrap">
            <StatusChip group={ticket.status.group} name={ticket.status.name} />
            <Chip>{label("kind", ticket.kind)}</Chip>
            {ticket.priority && <Chip>{ticket.priority.name}</Chip>}
            {ticket.isOverdue && (
              <Chip backgroundColor="critical1">
                <Text size={2}>{t("inbox.overdue")}</Text>
              </Chip>
            )}
            {ticket.mergedInto && (
              <a href={`#/tickets/${encodeURIComponent(ticket.mergedInto.id)}`}>
                {t("ticket.mergedInto", { number: ticket.mergedInto.number })}
              </a>
            )}
          </Box>
        </Box>
        <Box display="flex" gap={2}>
          <Button onClick={claim}>{t("ticket.claim")}</Button>
          <Button variant="secondary" onClick={() => setDialog("forward")}>
            {t("ticket.forward")}
          </Button>
          <Button variant="secondary" onClick={() => setDialog("merge")}>
            {t("ticket.merge")}
          </Button>
        </Box>
      </Box>
      {details.error && <ErrorState message={details.error} onRetry={refresh} />}

      <Box display="grid" __gridTemplateColumns="minmax(0, 2fr) minmax(280px, 1fr)" gap={6}>
        <Box display="flex" flexDirection="column" gap={4}>
          <UnverifiedBanners ticket={ticket} onDecided={refresh} />
          {isComplaint && <ComplaintSection ticket={ticket} onChanged={refresh} />}
          <Section title={t("ticket.conversation")}>
            <Timeline ticket={ticket} options={options.data} />
          </Section>
          <ReplyBox
            key={ticket.id}
            ticket={ticket}
            options={options.data}
            smsEnabled={Boolean(details.data.helpdeskSmsEnabled)}
            onSent={refresh}
          />
          {ticket.attachments.length > 0 && (
            <Section title={t("ticket.attachments")}>
              <AttachmentList attachments={ticket.attachments} />
            </Section>
          )}
        </Box>
        <Box as="aside" display="flex" flexDirection="column" gap={4}>
          <SidePanel key={ticket.id} ticket={ticket} options={options.data} onChanged={refresh} />
          <TimePanel key={`time-${ticket.id}`} ticketId={ticket.id} />
          <TicketAutomation
            key={`automation-${ticket.id}`}
            ticketId={ticket.id}
            onChanged={refresh}
          />
          {(ticket.status.isClosed || ticket.events?.some((e) => e.type === "RATED")) && (
            <TicketRating key={ticket.lastActivityAt} ticketId={ticket.id} />
          )}
          <SlaPanel key={ticket.lastActivityAt} ticketId={ticket.id} />
          <CustomerPanel ticket={ticket} />
          <OrderPanel ticket={ticket} />
          {hasEmail(ticket) && (
            <TicketEmailsSection key={ticket.lastActivityAt} ticketId={ticket.id} />
          )}
          <RefundsSection
            ticketId={ticket.id}
            hasOrder={Boolean(ticket.order)}
            onChanged={refresh}
          />
        </Box>
      </Box>

      <ForwardDialog
        ticket={ticket}
        options={options.data}
        open={dialog === "forward"}
        onClose={() => setDialog(null)}
        onDone={refresh}
      />
      <MergeDialog ticket={ticket} open={dialog === "merge"} onClose={() => setDialog(null)} />
    </Box>
  );
}
