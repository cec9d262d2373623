import { Box, Button, Chip, Input, Text } from "@saleor/macaw-ui";
import { useState } from "react";

import { useQuery } from "../api/context";
import { useMutation } from "../api/useMutation";
import {
  SupportContractCreateDocument,
  SupportContractDeleteDocument,
  SupportContractsDocument,
  SupportContractUpdateDocument,
} from "../generated/graphql";
import { useHost } from "../host/host";
import { useI18n } from "../i18n";
import { personName } from "../ui/chips";
import { Section, SelectField } from "../ui/fields";
import { ErrorState } from "../ui/StateViews";
import { contractInput, emptyContractForm, localToday } from "./contractForm";

/**
 * Support contracts: of one customer (`customer`, the customer widget) or all of them with
 * new ones for guest addresses (the settings section). Needs MANAGE_USERS; without it the
 * API's refusal shows.
 */
export function ContractsManager({ customer }: { customer?: string | null }) {
  const { t, formatDate } = useI18n();
  const host = useHost();
  const list = useQuery(SupportContractsDocument, { customer: customer ?? null });
  const [create, creating] = useMutation(SupportContractCreateDocument);
  const [remove] = useMutation(SupportContractDeleteDocument);
  const [update] = useMutation(SupportContractUpdateDocument);
  const [form, setForm] = useState(() => emptyContractForm(localToday()));
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const unitLabel = (unit: string) =>
    t(unit === "POINTS" ? "effort.unit.POINTS" : "effort.unit.HOURS");

  const submit = async () => {
    const result = await create({ input: contractInput(form, customer) });

    if (result.problem) {
      host.notify({ status: "error", title: t("contracts.failed", { message: result.problem }) });
    } else {
      host.notify({ status: "success", title: t("contracts.created") });
      setForm(emptyContractForm(localToday()));
      void list.refetch();
    }
  };

  const drop = async (id: string) => {
    const result = await remove({ id });

    if (result.problem)
      host.notify({ status: "error", title: t("contracts.failed", { message: result.problem }) });
    else {
      host.notify({ status: "success", title: t("contracts.deleted") });
      void list.refetch();
    }
  };

  const change = async (id: string, input: { budget?: string; isActive?: boolean }) => {
    const result = await update({ id, input });

    if (result.problem)
      host.notify({ status: "error", title: t("contracts.failed", { message: result.problem }) });
    else {
      host.notify({ status: "success", title: t("state.saved") });
      void list.refetch();
    }
  };

  const contracts = list.data?.supportContracts;

  return (
    <Section title={t("contracts.title")}>
      <Text size={2} color="default2">
        {t("contracts.intro")}
      </Text>
      {list.error && !contracts && (
        <ErrorState message={list.error} onRetry={() => void list.refetch()} />
      )}
      {contracts && contracts.length === 0 && <Text color="default2">{t("contracts.none")}</Text>}
      {contracts && contracts.length > 0 && (
        <Box
          as="ul"
          display="flex"
          flexDirection="column"
          gap={2}
          padding={0}
          margin={0}
          style={{ listStyle: "none" }}
          aria-label={t("contracts.title")}
        >
          {contracts.map((contract) => (
            <Box
              as="li"
              key={contract.id}
              display="flex"
              justifyContent="space-between"
              alignItems="center"
              gap={2}
              data-testid="contract"
            >
              <Box display="flex" flexDirection="column">
                <Text fontWeight="bold">
                  {contract.name}
                  {contract.isActive ? "" : ` (${t("contracts.inactive")})`}
                </Text>
                <Text size={2} color="default2">
                  {contract.customer ? personName(contract.customer) : contract.customerEmail} ·{" "}
                  {formatDate(contract.validFrom, false)}
                  {contract.validUntil ? ` – ${formatDate(contract.validUntil, false)}` : ""}
                </Text>
                <Text size={2}>
                  {t("contracts.remaining", {
                    remaining: `${contract.remaining} ${unitLabel(contract.unit)}`,
                    budget: `${contract.budget} ${unitLabel(contract.unit)}`,
                  })}
                </Text>
              </Box>
              <Box display="flex" gap={2} alignItems="center">
                {contract.low && (
                  <Chip backgroundColor="critical1">
                    <Text size={2}>{t("contracts.low")}</Text>
                  </Chip>
                )}
                <BudgetEditor
                  budget={contract.budget}
                  name={contract.name}
                  onSave={(budget) => void change(contract.id, { budget })}
                />
                <Button
                  size="small"
                  variant="tertiary"
                  onClick={() => void change(contract.id, { isActive: !contract.isActive })}
                >
                  {contract.isActive ? t("contracts.deactivate") : t("contracts.activate")}
                </Button>
                <Button size="small" variant="tertiary" onClick={() => void drop(contract.id)}>
                  {t("contracts.delete")}
                </Button>
              </Box>
            </Box>
          ))}
        </Box>
      )}
      <Box
        as="form"
        display="flex"
        flexDirection="column"
        gap={2}
        aria-label={t("contracts.create")}
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Input
          label={t("contracts.name")}
          value={form.name}
          onChange={(e) => set({ name: e.target.value })}
        />
        {!customer && (
          <Input
            label={t("contracts.guestEmail")}
            type="email"
            value={form.guestEmail}
            onChange={(e) => set({ guestEmail: e.target.value })}
          />
        )}
        <Box display="flex" gap={2} flexWrap="wrap">
          <SelectField
            label={t("contracts.unit")}
            value={form.unit}
            options={[
              { value: "HOURS", label: t("effort.unit.HOURS") },
              { value: "POINTS", label: t("effort.unit.POINTS") },
            ]}
            onChange={(value) => set({ unit: value === "POINTS" ? "POINTS" : "HOURS" })}
          />
          <Input
            label={t("contracts.budget")}
            value={form.budget}
            onChange={(e) => set({ budget: e.target.value })}
          />
          <Input
            label={t("contracts.threshold")}
            value={form.warningThreshold}
            onChange={(e) => set({ warningThreshold: e.target.value })}
          />
          {form.unit === "POINTS" && (
            <Input
              label={t("contracts.pointsPerTicket")}
              value={form.pointsPerTicket}
              onChange={(e) => set({ pointsPerTicket: e.target.value })}
            />
          )}
        </Box>
        <Box display="flex" gap={2}>
          <Input
            label={t("contracts.validFrom")}
            type="date"
            value={form.validFrom}
            onChange={(e) => set({ validFrom: e.target.value })}
          />
          <Input
            label={t("contracts.validUntil")}
            type="date"
            value={form.validUntil}
            onChange={(e) => set({ validUntil: e.target.value })}
          />
        </Box>
        <Button type="submit" disabled={creating.busy || !form.name.trim() || !form.budget.trim()}>
          {t("contracts.create")}
        </Button>
      </Box>
    </Section>
  );
}

/** The budget of one contract, changed in place (a customer bought more hours). */
function BudgetEditor({
  budget,
  name,
  onSave,
}: {
  budget: string;
  name: string;
  onSave: (budget: string) => void;
}) {
  const { t } = useI18n();
  const [value, setValue] = useState(budget);

  return (
    <Box
      as="form"
      display="flex"
      gap={1}
      alignItems="flex-end"
      aria-label={t("contracts.changeBudget", { name })}
      onSubmit={(event) => {
        event.preventDefault();
        onSave(value.trim());
      }}
    >
      <Input
        size="small"
        label={t("contracts.budget")}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        __width="96px"
      />
      <Button
        size="small"
        variant="secondary"
        type="submit"
        disabled={!value.trim() || value === budget}
      >
        {t("contracts.saveBudget")}
      </Button>
    </Box>
  );
}
