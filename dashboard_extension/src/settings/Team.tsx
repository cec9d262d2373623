import { Box, Text } from "@saleor/macaw-ui";

import { useQuery } from "../api/context";
import { useMutation } from "../api/useMutation";
import {
  SettingsAgentAddDocument,
  SettingsAgentRemoveDocument,
  SettingsAgentUpdateDocument,
  SettingsTeamDocument,
  type SettingsTeamQuery,
} from "../generated/graphql";
import { useI18n } from "../i18n";
import { personName } from "../ui/chips";
import { CheckField, EntityEditor, QueryView, TextAreaField, yesNo } from "./common";
import { type StaffCandidate, StaffUserPicker } from "./StaffUserPicker";

type Agent = NonNullable<SettingsTeamQuery["supportAgents"]>[number];
/** `user`: the staff user a new member is (picked by search); null when editing. */
type AgentForm = {
  user: StaffCandidate | null;
  signature: string;
  isActive: boolean;
  contacts: string[];
};

export function TeamSettings() {
  const { t, formatDate } = useI18n();
  const query = useQuery(SettingsTeamDocument, {});
  const [updateAgent] = useMutation(SettingsAgentUpdateDocument);
  const [addAgent] = useMutation(SettingsAgentAddDocument);
  const [removeAgent] = useMutation(SettingsAgentRemoveDocument);

  return (
    <QueryView query={query}>
      {(data) => {
        const contacts = data.ticketContacts ?? [];

        return (
          <EntityEditor<Agent, AgentForm>
            title={t("settings.team")}
            intro={t("settings.teamIntro")}
            addLabel={t("settings.addAgent")}
            emptyText={t("settings.noAgents")}
            items={data.supportAgents ?? []}
            itemName={(a) => personName(a.user)}
            columns={[
              { header: t("settings.name"), cell: (a) => personName(a.user) },
              { header: t("settings.email"), cell: (a) => a.user.email },
              {
                header: t("settings.contacts"),
                cell: (a) => a.contacts.map((c) => c.name).join(", ") || "—",
              },
              { header: t("settings.isActive"), cell: (a) => yesNo(t, a.isActive) },
              { header: t("settings.since"), cell: (a) => formatDate(a.createdAt, false) },
            ]}
            blank={() => ({ user: null, signature: "", isActive: true, contacts: [] })}
            fromItem={(a) => ({
              user: null,
              signature: a.signature,
              isActive: a.isActive,
              contacts: a.contacts.map((c) => c.id),
            })}
            renderForm={(form, set, item) => (
              <>
                {!item && <StaffUserPicker value={form.user} onChange={(user) => set({ user })} />}
                <TextAreaField
                  label={t("settings.signature")}
                  value={form.signature}
                  rows={3}
                  onChange={(v) => set({ signature: v })}
                />
                <CheckField
                  label={t("settings.isActive")}
                  checked={form.isActive}
                  onChange={(v) => set({ isActive: v })}
                />
                <Box
                  as="fieldset"
                  display="flex"
                  flexDirection="column"
                  gap={1}
                  borderWidth={0}
                  padding={0}
                  margin={0}
                >
                  <legend>
                    <Text size={2} color="default2">
                      {t("settings.agentContacts")}
                    </Text>
                  </legend>
                  {contacts.length === 0 && <Text size={2}>{t("settings.noContacts")}</Text>}
                  {contacts.map((c) => (
                    <CheckField
                      key={c.id}
                      label={c.name}
                      checked={form.contacts.includes(c.id)}
                      onChange={(checked) =>
                        set({
                          contacts: checked
                            ? [...form.contacts, c.id]
                            : form.contacts.filter((id) => id !== c.id),
                        })
                      }
                    />
                  ))}
                </Box>
              </>
            )}
            save={async (form, item) => {
              const input = {
                signature: form.signature,
                isActive: form.isActive,
                contacts: form.contacts,
              };

              if (item) return (await updateAgent({ id: item.id, input })).problem;
              if (!form.user) return t("settings.staffRequired");

              return (await addAgent({ user: form.user.id, input })).problem;
            }}
            remove={async (a) => (await removeAgent({ id: a.id })).problem}
            onSaved={() => void query.refetch()}
          />
        );
      }}
    </QueryView>
  );
}
