import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { createFakeClient } from "../test/fakeClient";
import { renderApp } from "../test/render";
import { CopyField, copyText } from "./CopyField";

describe("copying", () => {
  it("writes to the clipboard when the page may", async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);

    await expect(copyText("s3cret", { writeText })).resolves.toBe(true);
    expect(writeText).toHaveBeenCalledWith("s3cret");
  });

  it("falls back to the copy command when the clipboard is refused, and says when both fail", async () => {
    const writeText = vi.fn().mockRejectedValue(new Error("NotAllowedError"));
    const copied: string[] = [];
    const execCommand = vi.fn((command: string) => {
      const area = document.querySelector("textarea");

      copied.push(`${command}:${area?.value}:${area?.selectionEnd}`);

      return true;
    });

    document.execCommand = execCommand;
    await expect(copyText("s3cret", { writeText })).resolves.toBe(true);
    expect(copied).toStrictEqual(["copy:s3cret:6"]);
    // the helper's text area is gone again
    expect(document.querySelectorAll("textarea")).toHaveLength(0);

    execCommand.mockReturnValue(false);
    await expect(copyText("s3cret", undefined)).resolves.toBe(false);
  });

  it("shows the value in full and tells whether copying worked", async () => {
    const user = userEvent.setup();
    const writeText = vi.fn().mockResolvedValue(undefined);

    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    renderApp(<CopyField label="Push secret" value="abc-123" testId="secret" />, {
      client: createFakeClient({}).client,
    });
    expect(screen.getByTestId("secret")).toHaveTextContent("abc-123");
    await user.click(screen.getByRole("button", { name: "Copy Push secret" }));
    expect(writeText).toHaveBeenCalledWith("abc-123");
    expect(await screen.findByRole("status")).toHaveTextContent("Copied");
  });
});
