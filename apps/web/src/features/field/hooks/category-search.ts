import type { Category } from '@chuangcheng/contracts';

/** Categories whose name, code or path contain every word typed (spaces separate words), in order. */
export function matchCategories(categories: readonly Category[], text: string): Category[] {
  const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...categories];
  return categories.filter((c) => {
    const hay = `${c.name} ${c.code} ${c.path}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}
