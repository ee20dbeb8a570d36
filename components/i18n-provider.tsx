"use client";

import { createContext, useContext, useMemo } from "react";
import { translator, type Locale, type Translate } from "@/lib/i18n";

const LocaleContext = createContext<Locale>("nb");

/** Gives client components the request's language (chosen on the server). */
export function I18nProvider({ locale, children }: { locale: Locale; children: React.ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

export function useT(): Translate {
  const locale = useContext(LocaleContext);
  return useMemo(() => translator(locale), [locale]);
}
