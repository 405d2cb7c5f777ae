/** A bilingual label: Chinese first (the product's language), English second. */
export interface Label {
  zh: string;
  en: string;
}

export type Labels<K extends string> = Record<K, Label>;

export type Locale = 'zh' | 'en';

export function label(l: Label, locale: Locale = 'zh'): string {
  return l[locale];
}
