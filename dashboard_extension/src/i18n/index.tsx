import { createContext, type ReactNode, useContext, useMemo } from "react";

import { de, en, type MessageKey, type Messages } from "./messages";

export type Lang = "de" | "en";
export const LANGS: readonly Lang[] = ["de", "en"];
const DICTIONARIES: Record<Lang, Messages> = { de, en };

export type Params = Record<string, string | number | null | undefined>;

/** "de-AT", "de_DE", "DE" → "de"; anything we have no dictionary for → "en". */
export function toLang(locale: string | null | undefined): Lang {
  const base = (locale ?? "").toLowerCase().split(/[-_]/)[0];

  return base === "de" ? "de" : "en";
}

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const template = DICTIONARIES[lang][key] ?? en[key] ?? key;

  if (!params) return template;

  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = params[name];

    return value === undefined || value === null ? match : String(value);
  });
}

/** A key that may not exist (e.g. an enum value the schema gained later). */
export function hasKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

export type Translate = (key: MessageKey, params?: Params) => string;

export type I18n = {
  lang: Lang;
  t: Translate;
  /** Label of an enum value by prefix ("kind", "reason", …); falls back to the raw value. */
  label: (prefix: string, value: string | null | undefined) => string;
  formatDate: (iso: string | null | undefined, withTime?: boolean) => string;
  /**
   * Money in the reader's locale; `fractionDigits` (the API's, from Saleor's currency
   * data) overrides the browser's idea of the currency's decimal places.
   */
  formatMoney: (
    amount: number | null | undefined,
    currency: string | null | undefined,
    fractionDigits?: number,
  ) => string;
};

export function makeI18n(lang: Lang): I18n {
  const locale = lang === "de" ? "de-DE" : "en-GB";
  const t: Translate = (key, params) => translate(lang, key, params);

  return {
    lang,
    t,
    label: (prefix, value) => {
      if (!value) return "";
      const key = `${prefix}.${value}`;

      return hasKey(key) ? t(key) : value;
    },
    formatDate: (iso, withTime = true) => {
      if (!iso) return "";
      const date = new Date(iso);

      if (Number.isNaN(date.getTime())) return iso;

      return new Intl.DateTimeFormat(locale, {
        dateStyle: "medium",
        ...(withTime ? { timeStyle: "short" } : {}),
      }).format(date);
    },
    formatMoney: (amount, currency, fractionDigits) => {
      if (amount === null || amount === undefined) return "";
      if (!currency) return new Intl.NumberFormat(locale).format(amount);
      const digits =
        fractionDigits === undefined
          ? {}
          : { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits };

      try {
        return new Intl.NumberFormat(locale, { style: "currency", currency, ...digits }).format(
          amount,
        );
      } catch {
        return `${amount} ${currency}`;
      }
    },
  };
}

const I18nContext = createContext<I18n>(makeI18n("en"));

export function I18nProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  const value = useMemo(() => makeI18n(lang), [lang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
