import type { GeojsonMapping } from '@chuangcheng/contracts';

export interface GeojsonSummary {
  featureCount: number;
  /** Property names found on the features, in first-seen order. */
  properties: string[];
  /** A sample value per property (from the first feature that has it). */
  samples: Record<string, string>;
}

const SCAN_LIMIT = 1000;

/** Reads the property names of a GeoJSON FeatureCollection in the browser, before anything is uploaded. */
export async function readGeojson(file: File): Promise<GeojsonSummary | null> {
  let data: unknown;
  try {
    data = JSON.parse(await file.text());
  } catch {
    return null;
  }
  const fc = data as { type?: unknown; features?: unknown };
  if (fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) return null;
  const properties: string[] = [];
  const samples: Record<string, string> = {};
  for (const feature of fc.features.slice(0, SCAN_LIMIT) as {
    properties?: Record<string, unknown> | null;
  }[]) {
    for (const [key, value] of Object.entries(feature?.properties ?? {})) {
      if (!(key in samples)) {
        properties.push(key);
        samples[key] = value === null || value === undefined ? '' : String(value).slice(0, 40);
      }
    }
  }
  return { featureCount: fc.features.length, properties, samples };
}

const GUESSES: Record<keyof GeojsonMapping, RegExp> = {
  code: /^(code|grid_?code|gridcode|wgbm|wg_?code|bm|编码|网格编码|网格代码)$/i,
  name: /^(name|grid_?name|gridname|wgmc|mc|名称|网格名称)$/i,
  community: /^(community|community_?code|sqbm|sq_?code|社区|社区编码|社区代码)$/i,
  block: /^(block|block_?code|qkbm|区块|区块编码)$/i,
  leadUnit: /^(lead_?unit|unit|lead_?unit_?code|dwbm|牵头单位|牵头单位编码)$/i,
};

/** A first guess of the mapping from common property names (the user confirms it). */
export function guessMapping(properties: string[]): Partial<GeojsonMapping> {
  const mapping: Partial<GeojsonMapping> = {};
  for (const field of Object.keys(GUESSES) as (keyof GeojsonMapping)[]) {
    const hit = properties.find((p) => GUESSES[field].test(p));
    if (hit) mapping[field] = hit;
  }
  return mapping;
}
