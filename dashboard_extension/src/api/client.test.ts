import { describe, expect, it, vi } from "vitest";

import { InboxDocument, ReplyOrNoteDocument } from "../generated/graphql";
import { helpdeskEndpoint, isInIframe } from "../host/host";
import { login } from "../host/standalone";
import { ApiError, createHttpClient } from "./client";

function jsonResponse(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json" },
  });
}

describe("HTTP client", () => {
  it("downloads files with the token from its own origin only", async () => {
    const fetchImpl = vi.fn().mockResolvedValue(new Response("png"));
    const own = window.location.origin;
    const client = createHttpClient({
      endpoint: `${own}/plugins/global/saleor.helpdesk/graphql/`,
      getToken: () => "tok",
      fetchImpl,
    });

    const blob = await client.fetchFile(`${own}/plugins/global/saleor.helpdesk/attachments/abc/`);

    expect(await blob.text()).toBe("png");
    expect(fetchImpl.mock.calls[0]![1].headers).toStrictEqual({ Authorization: "Bearer tok" });

    await expect(
      client.fetchFile("https://evil.example/plugins/global/saleor.helpdesk/attachments/abc/"),
    ).rejects.toMatchObject({
      kind: "http",
      message:
        "Not downloading from another origin: https://evil.example/plugins/global/saleor.helpdesk/attachments/abc/",
    });
    await expect(client.fetchFile("//evil.example/a")).rejects.toBeInstanceOf(ApiError);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });

  it("posts the operation with the bearer token", async () => {
    const fetchImpl = vi.fn().mockResolvedValue(jsonResponse({ data: { tickets: null } }));
    const client = createHttpClient({
      endpoint: "https://shop.example/plugins/global/saleor.helpdesk/graphql/",
      getToken: () => "tok",
      fetchImpl,
    });

    await client.request(InboxDocument, { first: 10 });
    const [url, init] = fetchImpl.mock.calls[0]!;

    expect(url).toBe("https://shop.example/plugins/global/saleor.helpdesk/graphql/");
    expect(init.headers).toStrictEqual({
      Authorization: "Bearer tok",
      "Content-Type": "application/json",
    });
    const body = JSON.parse(init.body);

    expect(body.operationName).toBe("Inbox");
    expect(body.variables).toStrictEqual({ first: 10 });
    expect(body.query).toContain("query Inbox");
  });

  it("sends files as a GraphQL multipart request", async () => {
    const fetchImpl = vi.fn().mockResolvedValue(jsonResponse({ data: { ticketCommentAdd: null } }));
    const client = createHttpClient({ endpoint: "/x", getToken: () => "tok", fetchImpl });
    const file = new File(["png"], "photo.png", { type: "image/png" });

    await client.request(ReplyOrNoteDocument, {
      id: "Ticket:1",
      input: { body: "Foto", attachments: [file] },
    });
    const form = fetchImpl.mock.calls[0]![1].body as FormData;

    expect(JSON.parse(form.get("operations") as string).variables).toStrictEqual({
      id: "Ticket:1",
      input: { body: "Foto", attachments: [null] },
    });
    expect(JSON.parse(form.get("map") as string)).toStrictEqual({
      0: ["variables.input.attachments.0"],
    });
    expect((form.get("0") as File).name).toBe("photo.png");
    expect(fetchImpl.mock.calls[0]![1].headers).toStrictEqual({ Authorization: "Bearer tok" });
  });

  it("turns GraphQL errors and 401 into ApiErrors", async () => {
    const onUnauthorized = vi.fn();
    const fetchImpl = vi
      .fn()
      .mockResolvedValueOnce(jsonResponse({ errors: [{ message: "Cannot query field" }] }, 400))
      .mockResolvedValueOnce(jsonResponse({ error: { code: "INVALID_TOKEN" } }, 401));
    const client = createHttpClient({
      endpoint: "/x",
      getToken: () => null,
      fetchImpl,
      onUnauthorized,
    });

    await expect(client.request(InboxDocument, {})).rejects.toMatchObject({
      kind: "graphql",
      message: "Cannot query field",
    });
    await expect(client.request(InboxDocument, {})).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });
});

describe("connection", () => {
  it("finds the helpdesk beside the page, on the page's own origin", () => {
    const page = {
      origin: "https://api.shop.example",
      pathname: "/plugins/global/saleor.helpdesk/dashboard/order-widget",
    };

    expect(helpdeskEndpoint(page)).toBe(
      "https://api.shop.example/plugins/global/saleor.helpdesk/graphql/",
    );
    expect(helpdeskEndpoint({ origin: "http://localhost:8000", pathname: "/" })).toBe(
      "http://localhost:8000/plugins/global/saleor.helpdesk/graphql/",
    );
    // a Saleor served below a path keeps its prefix
    expect(
      helpdeskEndpoint({
        origin: "https://shop.example",
        pathname: "/api/plugins/global/saleor.helpdesk/dashboard/",
      }),
    ).toBe("https://shop.example/api/plugins/global/saleor.helpdesk/graphql/");
  });

  it("knows whether it is framed", () => {
    expect(isInIframe({ self: 1, top: 1 } as unknown as Window)).toBe(false);
    expect(isInIframe({ self: 1, top: 2 } as unknown as Window)).toBe(true);
  });

  it("logs in through Saleor's tokenCreate", async () => {
    const fetchImpl = vi
      .fn()
      .mockResolvedValue(jsonResponse({ data: { tokenCreate: { token: "jwt", errors: [] } } }));

    await expect(
      login("support@example.com", "demo", { url: "http://127.0.0.1:8000/graphql/", fetchImpl }),
    ).resolves.toBe("jwt");
    const body = JSON.parse(fetchImpl.mock.calls[0]![1].body);

    expect(body.query).toContain("tokenCreate(email: $email, password: $password)");
    expect(body.variables).toStrictEqual({ email: "support@example.com", password: "demo" });

    fetchImpl.mockResolvedValue(
      jsonResponse({
        data: {
          tokenCreate: {
            token: null,
            errors: [
              {
                field: "email",
                code: "INVALID_CREDENTIALS",
                message: "Please, enter valid credentials",
              },
            ],
          },
        },
      }),
    );
    await expect(login("x@example.com", "no", { url: "/graphql/", fetchImpl })).rejects.toThrow(
      "Please, enter valid credentials",
    );
  });

  it("downloads from the plugin's own endpoint next to its GraphQL endpoint, with the token", async () => {
    const zip = new Response("PK", {
      status: 200,
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": 'attachment; filename="helpdesk-export-20260101-100000.zip"',
      },
    });
    const fetchImpl = vi.fn().mockResolvedValue(zip);
    const client = createHttpClient({
      endpoint: helpdeskEndpoint({
        origin: "https://shop.example",
        pathname: "/plugins/global/saleor.helpdesk/dashboard/",
      }),
      getToken: () => "tok",
      fetchImpl,
    });
    const download = await client.download("privacy/export/", { customer: "User:10" });
    const [url, init] = fetchImpl.mock.calls[0]!;

    expect(url).toBe(
      "https://shop.example/plugins/global/saleor.helpdesk/privacy/export/?customer=User%3A10",
    );
    expect(init.headers).toStrictEqual({ Authorization: "Bearer tok" });
    expect(download.filename).toBe("helpdesk-export-20260101-100000.zip");
    expect(await download.blob.text()).toBe("PK");

    // A relative endpoint (standalone: the page's own origin) resolves against the page.
    const standalone = createHttpClient({
      endpoint: "/plugins/global/saleor.helpdesk/graphql/",
      getToken: () => "tok",
      fetchImpl,
    });

    fetchImpl.mockResolvedValue(new Response("PK", { status: 200 }));
    await standalone.download("privacy/export/", { email: "gast@example.com" });
    expect(fetchImpl.mock.calls[1]![0]).toBe(
      `${window.location.origin}/plugins/global/saleor.helpdesk/privacy/export/?email=gast%40example.com`,
    );
  });

  it("turns the download endpoint's JSON refusal into an ApiError with its code", async () => {
    const onUnauthorized = vi.fn();
    const fetchImpl = vi.fn().mockResolvedValue(
      jsonResponse(
        {
          error: { code: "permission_denied", message: "You need the MANAGE_USERS permission." },
        },
        403,
      ),
    );
    const client = createHttpClient({
      endpoint: "https://shop.example/plugins/global/saleor.helpdesk/graphql/",
      getToken: () => "tok",
      fetchImpl,
      onUnauthorized,
    });
    const refused = await client
      .download("privacy/export/", { email: "x@example.com" })
      .catch((e: unknown) => e);

    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({
      kind: "http",
      status: 403,
      code: "permission_denied",
      message: "You need the MANAGE_USERS permission.",
    });

    fetchImpl.mockResolvedValue(
      jsonResponse({ error: { code: "invalid_token", message: "Signature has expired." } }, 401),
    );
    await expect(client.download("privacy/export/", {})).rejects.toMatchObject({
      kind: "unauthorized",
      status: 401,
      code: "invalid_token",
    });
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });
});
