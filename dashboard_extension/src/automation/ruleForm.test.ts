import { describe, expect, it } from "vitest";

import { blankRule, operatorsFor, ruleForm, ruleInput } from "./ruleForm";

describe("rule form", () => {
  it("offers the operators the server accepts for each field", () => {
    expect(operatorsFor("ORDER_TOTAL")).toStrictEqual(["GT", "GTE", "LT", "LTE", "EQ"]);
    expect(operatorsFor("TAGS")).toStrictEqual(["ANY", "ALL", "NONE"]);
    expect(operatorsFor("TEXT")).toStrictEqual(["CONTAINS", "NOT_CONTAINS"]);
    expect(operatorsFor("KIND")).toStrictEqual(["IN", "NOT_IN"]);
  });

  it("turns comma lists into values, but keeps a note's and a text's commas", () => {
    const input = ruleInput({
      ...blankRule(),
      name: "  Defekte Ware  ",
      conditions: [
        { field: "COMPLAINT_REASON", operator: "IN", values: "defective, damaged_in_transit," },
        { field: "TEXT", operator: "CONTAINS", values: "kaputt, sofort" },
      ],
      actions: [
        { type: "ADD_TAGS", values: "vip, defect" },
        { type: "ADD_NOTE", values: "Bitte prüfen, danke" },
        { type: "SEND_WEBHOOK", values: "" },
      ],
    });

    expect(input.name).toBe("Defekte Ware");
    expect(input.conditions).toStrictEqual([
      { field: "COMPLAINT_REASON", operator: "IN", values: ["defective", "damaged_in_transit"] },
      { field: "TEXT", operator: "CONTAINS", values: ["kaputt, sofort"] },
    ]);
    expect(input.actions).toStrictEqual([
      { type: "ADD_TAGS", values: ["vip", "defect"] },
      { type: "ADD_NOTE", values: ["Bitte prüfen, danke"] },
      { type: "SEND_WEBHOOK", values: [] },
    ]);
  });

  it("reads a saved rule back into the same form", () => {
    const form = ruleForm({
      name: "R",
      trigger: "SCHEDULED",
      isActive: false,
      stopProcessing: true,
      conditions: [{ field: "IDLE_HOURS", operator: "GTE", values: ["168"] }],
      actions: [{ type: "ADD_TAGS", values: ["vip", "late"] }],
    });

    expect(form.conditions[0]!.values).toBe("168");
    expect(form.actions[0]!.values).toBe("vip, late");
    expect(ruleInput(form).actions).toStrictEqual([{ type: "ADD_TAGS", values: ["vip", "late"] }]);
  });
});
