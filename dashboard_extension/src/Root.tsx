import { Box, Button, Input, Text, ThemeProvider } from "@saleor/macaw-ui";
import {
  type FormEvent,
  useCallback,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";

import { createHttpClient, errorMessage } from "./api/client";
import { App } from "./App";
import type { DashboardConnection } from "./host/dashboard";
import { helpdeskEndpoint, type Host, type Notification } from "./host/host";
import {
  LANG_KEY,
  loadToken,
  login,
  saveToken,
  standaloneHelpdeskEndpoint,
} from "./host/standalone";
import { I18nProvider, type Lang, LANGS, toLang, useI18n } from "./i18n";
import { SelectField } from "./ui/fields";
import { Loading } from "./ui/StateViews";
import { Toasts } from "./ui/Toasts";

/**
 * Inside the Dashboard: token, theme and locale come from AppBridge. The token goes
 * only to the helpdesk beside this page, on its own origin (Saleor's, which served
 * it), never to the API URL the Dashboard or the query string names.
 */
export function DashboardRoot({ connection }: { connection: DashboardConnection }) {
  const snapshot = useSyncExternalStore(connection.subscribe, connection.getSnapshot);
  const tokenRef = useRef(snapshot.token);

  tokenRef.current = snapshot.token;
  const client = useMemo(
    () => createHttpClient({ endpoint: helpdeskEndpoint(), getToken: () => tokenRef.current }),
    [],
  );
  const host = useMemo(() => connection.host(), [connection]);

  if (!snapshot.ready) {
    return (
      <ThemeProvider defaultTheme={snapshot.theme === "dark" ? "defaultDark" : "defaultLight"}>
        <I18nProvider lang={snapshot.lang}>
          <Loading />
        </I18nProvider>
      </ThemeProvider>
    );
  }

  return <App client={client} host={host} lang={snapshot.lang} theme={snapshot.theme} />;
}

function initialLang(): Lang {
  return toLang(localStorage.getItem(LANG_KEY) ?? navigator.language);
}

/** Standalone (the demo): a login form, then the app with a language switch. */
export function StandaloneRoot() {
  const [token, setToken] = useState<string | null>(() => loadToken());
  const [lang, setLangState] = useState<Lang>(initialLang);
  const [toasts, setToasts] = useState<Array<Notification & { id: number }>>([]);
  const tokenRef = useRef(token);

  tokenRef.current = token;
  const nextId = useRef(0);

  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(LANG_KEY, next);
    setLangState(next);
  }, []);
  const logout = useCallback(() => {
    saveToken(null);
    setToken(null);
  }, []);
  const client = useMemo(
    () =>
      createHttpClient({
        endpoint: standaloneHelpdeskEndpoint(),
        getToken: () => tokenRef.current,
        onUnauthorized: logout,
      }),
    [logout],
  );
  const host = useMemo<Host>(
    () => ({
      mode: "standalone",
      notify: (notification) => {
        const id = ++nextId.current;

        setToasts((items) => [...items, { ...notification, id }]);
        window.setTimeout(() => setToasts((items) => items.filter((item) => item.id !== id)), 5000);
      },
      setLang,
      logout,
    }),
    [setLang, logout],
  );

  if (!token) {
    return (
      <ThemeProvider defaultTheme="defaultLight">
        <I18nProvider lang={lang}>
          <LoginForm
            lang={lang}
            onLang={setLang}
            onToken={(value) => {
              saveToken(value);
              setToken(value);
            }}
          />
        </I18nProvider>
      </ThemeProvider>
    );
  }

  return (
    <>
      <App
        client={client}
        host={host}
        lang={lang}
        header={<StandaloneHeader lang={lang} onLang={setLang} onLogout={logout} />}
      />
      <ThemeProvider defaultTheme="defaultLight">
        <Toasts items={toasts} />
      </ThemeProvider>
    </>
  );
}

function LanguageSwitch({ lang, onLang }: { lang: Lang; onLang: (lang: Lang) => void }) {
  const { t } = useI18n();

  return (
    <SelectField
      label={t("app.language")}
      value={lang}
      onChange={(value) => onLang(toLang(value))}
      options={LANGS.map((code) => ({ value: code, label: code === "de" ? "Deutsch" : "English" }))}
    />
  );
}

export function StandaloneHeader({
  lang,
  onLang,
  onLogout,
}: {
  lang: Lang;
  onLang: (lang: Lang) => void;
  onLogout: () => void;
}) {
  const { t } = useI18n();

  return (
    <Box
      as="header"
      display="flex"
      justifyContent="space-between"
      alignItems="flex-end"
      paddingX={6}
      paddingY={3}
      borderBottomStyle="solid"
      borderBottomWidth={1}
      borderColor="default1"
    >
      <Text as="a" href="#/inbox" size={6} fontWeight="bold" textDecoration="none" color="default1">
        {t("app.title")}
      </Text>
      <Box display="flex" gap={3} alignItems="flex-end">
        <LanguageSwitch lang={lang} onLang={onLang} />
        <Button variant="secondary" onClick={onLogout}>
          {t("app.logout")}
        </Button>
      </Box>
    </Box>
  );
}

export function LoginForm({
  lang,
  onLang,
  onToken,
  loginImpl = login,
}: {
  lang: Lang;
  onLang: (lang: Lang) => void;
  onToken: (token: string) => void;
  loginImpl?: typeof login;
}) {
  const { t } = useI18n();
  const [email, setEmail] = useState("support@example.com");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onToken(await loginImpl(email, password));
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <Box display="flex" justifyContent="center" padding={10}>
      <Box
        as="form"
        onSubmit={submit}
        aria-labelledby="login-title"
        display="flex"
        flexDirection="column"
        gap={4}
        padding={8}
        borderRadius={4}
        borderStyle="solid"
        borderWidth={1}
        borderColor="default1"
        __width="min(420px, 100%)"
      >
        <Text as="h1" id="login-title" size={8} fontWeight="bold">
          {t("login.title")}
        </Text>
        <Text color="default2">{t("login.intro")}</Text>
        <Input
          label={t("login.email")}
          type="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          required
        />
        <Input
          label={t("login.password")}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
        {error && (
          <Text role="alert" color="critical1">
            {t("login.failed", { message: error })}
          </Text>
        )}
        <Button type="submit" disabled={busy}>
          {busy ? t("login.busy") : t("login.submit")}
        </Button>
        <LanguageSwitch lang={lang} onLang={onLang} />
      </Box>
    </Box>
  );
}
