import type { CaseDetail, CreateCase } from '@chuangcheng/contracts';
import { api } from '../../../lib/api-client';

/** POST /api/cases: the same idempotencyKey answers the case created the first time. */
export function createCase(body: CreateCase): Promise<CaseDetail> {
  return api.post<CaseDetail>('/api/cases', body);
}
