import { Box, Button, Text } from "@saleor/macaw-ui";
import { type FormEvent, type ReactNode, useEffect, useState } from "react";

import { useQuery } from "../api/context";
import { HelpdeskChannelsDocument } from "../generated/graphql";
import { useI18n } from "../i18n";
import { navigate } from "../router";
import { Section, SelectField } from "../ui/fields";

/**
 * The section that picks whose settings a screen edits: a channel (`?channel=<slug>`
 * on `path`) or, without one, the shop's defaults. A slug the shop does not list is
 * still offered, named as unknown, so a stale link shows what it points at.
 */
export function ChannelPicker({
  path,
  channel,
  title,
  intro,
}: {
  path: string;
  channel: string | null;
  title: string;
  intro: ReactNode;
}) {
  const { t } = useI18n();
  const [slug, setSlug] = useState(channel ?? "");

  useEffect(() => setSlug(channel ?? ""), [channel]);
  const channels = useQuery(HelpdeskChannelsDocument, {});
  const list = channels.data?.helpdeskChannels ?? [];
  const options = list.map((c) => ({ value: c.slug, label: c.name }));

  if (channel && !list.some((c) => c.slug === channel))
    options.push({ value: channel, label: t("settings.unknownChannel", { channel }) });

  return (
    <Section title={title}>
      <Text color="default2">{intro}</Text>
      <Box
        as="form"
        aria-label={t("settings.pickChannel")}
        display="flex"
        gap={2}
        alignItems="flex-end"
        flexWrap="wrap"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          navigate(path, slug ? { channel: slug } : {});
        }}
      >
        <SelectField
          label={t("settings.channel")}
          value={slug}
          placeholder={t("settings.shopDefaults")}
          options={options}
          onChange={setSlug}
          disabled={!channels.data && !channels.error}
        />
        <Button type="submit" variant="secondary">
          {t("settings.openChannel")}
        </Button>
        {channel && (
          <Button type="button" variant="tertiary" onClick={() => navigate(path)}>
            {t("settings.shopDefaults")}
          </Button>
        )}
      </Box>
      {channels.error && (
        <Text color="critical1">{t("state.error", { message: channels.error })}</Text>
      )}
      {channels.data && list.length === 0 && (
        <Text size={2} color="default2">
          {t("settings.noChannels")}
        </Text>
      )}
    </Section>
  );
}
