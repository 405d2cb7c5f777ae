import type { Role } from '@chuangcheng/contracts';
import { useMe } from '../../../lib/session';

/** Who may change the catalogue, routing rules and calendar (lib/access has no catalogue resource yet). */
const CATALOG_WRITERS: readonly Role[] = ['admin', 'office'];

/** The server decides for real; this only hides buttons that would fail. */
export function useCatalogWritable(): boolean {
  return CATALOG_WRITERS.includes(useMe().role);
}
