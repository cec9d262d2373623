import { useEffect, useMemo, useState } from "react";

import { useClient } from "../api/context";
import { TicketTimeHeartbeatDocument } from "../generated/graphql";
import { createHeartbeat, newTabName } from "./heartbeat";

export type Tracked = { seconds: number; tracking: boolean; at: number } | null;

const INPUT_EVENTS = ["keydown", "pointerdown", "pointermove", "wheel", "scroll", "input"];

/**
 * Beats for `ticketId` while this page shows it (see heartbeat.ts), wired to the page's
 * input and visibility events; answers with the caller's own time on the ticket.
 */
export function useHeartbeat(ticketId: string): Tracked {
  const client = useClient();
  const tab = useMemo(() => newTabName(), []);
  const [tracked, setTracked] = useState<Tracked>(null);

  useEffect(() => {
    const heartbeat = createHeartbeat({
      now: () => Date.now(),
      isVisible: () => document.visibilityState !== "hidden",
      send: async (beat) => {
        const data = await client.request(TicketTimeHeartbeatDocument, {
          ticket: ticketId,
          tab,
          active: beat.active,
          idleSeconds: beat.idleSeconds,
        });
        const tracking = data.ticketTimeHeartbeat?.tracking;

        return tracking ? { tracking: tracking.tracking, seconds: tracking.seconds } : null;
      },
      onAnswer: (answer, at) => {
        if (answer) setTracked({ ...answer, at });
      },
    });
    const onInput = () => heartbeat.input();
    const onVisibility = () => heartbeat.visibilityChanged();

    for (const name of INPUT_EVENTS) window.addEventListener(name, onInput, { passive: true });
    document.addEventListener("visibilitychange", onVisibility);
    heartbeat.start();

    return () => {
      heartbeat.stop();
      for (const name of INPUT_EVENTS) window.removeEventListener(name, onInput);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [client, ticketId, tab]);

  return tracked;
}
