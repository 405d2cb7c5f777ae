import { request } from '../../../lib/api-client';

/** GET /api/supervision-orders/defaults: the 限期 the 督办 form proposes (configured working days). */
export function fetchSupervisionDefaults(): Promise<{ deadline: string; workdays: number }> {
  return request('GET', '/api/supervision-orders/defaults');
}
