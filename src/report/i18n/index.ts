import type { Category } from '../../detect/category.js';
import type { FindingSeverity } from '../../detect/finding.js';
import { EN_CATEGORY, EN_LINK_WHY, EN_SEVERITY, EN_UI, type UiKey } from './en.js';
import { ZH_CATEGORY, ZH_LINK_WHY, ZH_SEVERITY, ZH_UI } from './zh.js';

export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

export interface Messages {
  lang: Lang;
  ui: Record<UiKey, string>;
  category: Record<Category, string>;
  severity: Record<FindingSeverity, string>;
  linkWhy: Record<string, string>;
}

const ALL: Record<Lang, Messages> = {
  en: { lang: 'en', ui: EN_UI, category: EN_CATEGORY, severity: EN_SEVERITY, linkWhy: EN_LINK_WHY },
  zh: { lang: 'zh', ui: ZH_UI, category: ZH_CATEGORY, severity: ZH_SEVERITY, linkWhy: ZH_LINK_WHY },
};

export function messages(lang: Lang): Messages {
  return ALL[lang];
}

/** Fills `{name}` placeholders; an unknown name stays as written so a gap is visible. */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** One UI string with its placeholders filled. */
export function t(m: Messages, key: UiKey, vars: Record<string, string | number> = {}): string {
  return fill(m.ui[key], vars);
}
