import type { Block } from '@chuangcheng/contracts';
import { useCallback, useMemo } from 'react';
import type { GridFeature } from '../../../components/map-view';

export interface LegendEntry {
  key: string;
  label: string;
  code: string | null;
  color: string;
  count: number;
}

export const NO_BLOCK_COLOR = '#8c8c8c';

/**
 * The i-th colour of a palette that keeps neighbours apart: hues step by the golden angle, lightness
 * alternates. Blocks are numbered by code, so a block keeps its colour from day to day.
 */
export function paletteColor(i: number): string {
  const hue = Math.round((i * 137.508 + 210) % 360);
  const lightness = [46, 38, 54][i % 3];
  return `hsl(${hue}, 68%, ${lightness}%)`;
}

/** Colour per block for the grids, and the legend (blocks that have grids in view, by code). */
export function useBlockPalette(features: GridFeature[] | undefined, blocks: Block[] | undefined) {
  const { colors, legend } = useMemo(() => {
    const counts = new Map<string | null, number>();
    for (const f of features ?? [])
      counts.set(f.properties.blockId, (counts.get(f.properties.blockId) ?? 0) + 1);
    const known = new Map((blocks ?? []).map((b) => [b.id, b]));
    // Known blocks by code, then ids the user may not list (named by number).
    const ids = [...counts.keys()].filter((id): id is string => id !== null);
    ids.sort((a, b) => {
      const ca = known.get(a)?.code;
      const cb = known.get(b)?.code;
      if (ca && cb) return ca.localeCompare(cb, 'zh-CN', { numeric: true });
      if (ca) return -1;
      if (cb) return 1;
      return a.localeCompare(b);
    });
    const colors = new Map<string, string>();
    const legend: LegendEntry[] = ids.map((id, i) => {
      const color = paletteColor(i);
      colors.set(id, color);
      const block = known.get(id);
      return {
        key: id,
        label: block?.name ?? `#${i + 1}`,
        code: block?.code ?? null,
        color,
        count: counts.get(id) ?? 0,
      };
    });
    const none = counts.get(null);
    if (none) legend.push({ key: 'none', label: '', code: null, color: NO_BLOCK_COLOR, count: none });
    return { colors, legend };
  }, [features, blocks]);

  const colorOf = useCallback(
    (f: GridFeature) =>
      f.properties.blockId ? (colors.get(f.properties.blockId) ?? NO_BLOCK_COLOR) : NO_BLOCK_COLOR,
    [colors],
  );
  return { colorOf, legend };
}
