import { useCallback } from "react";

import { useMutation } from "../api/useMutation";
import { InboundEmailAcceptDocument, InboundEmailRejectDocument } from "../generated/graphql";
import { useHost } from "../host/host";
import { useI18n } from "../i18n";

export type Decision = "accept" | "reject";

/**
 * Accepting or rejecting a message that waits for staff, from the review list or the
 * ticket page: resolves whether it was done, and tells the merchant either way.
 */
export function useInboundDecision(): [
  (id: string, decision: Decision) => Promise<boolean>,
  { busy: boolean },
] {
  const { t } = useI18n();
  const host = useHost();
  const [accept, accepting] = useMutation(InboundEmailAcceptDocument);
  const [reject, rejecting] = useMutation(InboundEmailRejectDocument);
  const decide = useCallback(
    async (id: string, decision: Decision) => {
      const { problem } = decision === "accept" ? await accept({ id }) : await reject({ id });

      if (problem) {
        host.notify({ status: "error", title: t("mail.decideFailed", { message: problem }) });

        return false;
      }
      host.notify({
        status: "success",
        title: decision === "accept" ? t("mail.accepted") : t("mail.rejected"),
      });

      return true;
    },
    [accept, reject, host, t],
  );

  return [decide, { busy: accepting.busy || rejecting.busy }];
}
