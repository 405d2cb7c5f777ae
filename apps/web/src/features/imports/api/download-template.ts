import type { ImportKind } from '@chuangcheng/contracts';
import { download } from '../../../lib/api-client';

export type TemplateKind = Exclude<ImportKind, 'grids-geojson'>;

/** GET /api/imports/{kind}/template: the xlsx with the expected header row (and an example line). */
export function downloadTemplate(kind: TemplateKind): Promise<void> {
  return download(`/api/imports/${kind}/template`, undefined, `${kind}-template.xlsx`);
}
