import { Box, Button, Input, Text } from "@saleor/macaw-ui";
import { type FormEvent, useState } from "react";

import { useQuery } from "../api/context";
import { useMutation } from "../api/useMutation";
import {
  SettingsSatisfactionDocument,
  type SettingsSatisfactionQuery,
  SettingsSatisfactionUpdateDocument,
} from "../generated/graphql";
import { useI18n } from "../i18n";
import { CheckField, QueryView } from "../settings/common";
import { Section } from "../ui/fields";
import { SaveStatus } from "../ui/StateViews";
import { useSaver } from "../ui/useSaver";
import { parseValidityDays } from "./satisfaction";

type Settings = NonNullable<SettingsSatisfactionQuery["ticketSatisfactionSettings"]>;

/** The survey's settings of the channel the channel settings show (null: the shop's defaults). */
export function SatisfactionSettings({ channel }: { channel: string | null }) {
  const query = useQuery(SettingsSatisfactionDocument, { channel });

  return (
    <QueryView query={query}>
      {(data) =>
        data.ticketSatisfactionSettings ? (
          <SurveyEditor
            key={`${channel}-${JSON.stringify(data.ticketSatisfactionSettings)}`}
            channel={channel}
            settings={data.ticketSatisfactionSettings}
            onSaved={() => void query.refetch()}
          />
        ) : null
      }
    </QueryView>
  );
}

function SurveyEditor({
  channel,
  settings,
  onSaved,
}: {
  channel: string | null;
  settings: Settings;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [update] = useMutation(SettingsSatisfactionUpdateDocument);
  const [enabled, setEnabled] = useState(settings.surveyEnabled);
  const [days, setDays] = useState(String(settings.linkValidityDays));
  const [saveState, runSave] = useSaver();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const validity = parseValidityDays(days);

    if (
      await runSave(async () => {
        if (validity === null) return t("satisfaction.settings.invalidDays");

        return (
          await update({ channel, input: { surveyEnabled: enabled, linkValidityDays: validity } })
        ).problem;
      })
    )
      onSaved();
  };

  return (
    <Section title={t("satisfaction.settings.title")}>
      <Box
        as="form"
        display="flex"
        flexDirection="column"
        gap={3}
        aria-label={t("satisfaction.settings.title")}
        onSubmit={(event: FormEvent) => void submit(event)}
      >
        <Text size={2} color="default2">
          {t("satisfaction.settings.intro")}
        </Text>
        {channel && settings.inheritsShopDefaults && (
          <Text size={2} color="default2">
            {t("satisfaction.settings.inherits")}
          </Text>
        )}
        <CheckField
          label={t("satisfaction.settings.enabled")}
          checked={enabled}
          onChange={setEnabled}
        />
        <Input
          // No min/max: the browser would refuse silently; the check below says why.
          inputMode="numeric"
          label={t("satisfaction.settings.validity")}
          value={days}
          onChange={(e) => setDays(e.target.value)}
        />
        <Box>
          <Button type="submit" variant="primary">
            {t("satisfaction.settings.save")}
          </Button>
        </Box>
        <SaveStatus state={saveState} />
      </Box>
    </Section>
  );
}
