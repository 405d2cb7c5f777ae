import type { CalendarData, CaseSource, Owner, StageLimits, TimeLimit } from '@chuangcheng/contracts';
import type { Db } from '../../db/client';
import type { Clock } from '../../platform/clock';
import type { NotifyService } from '../notify/index';
import type { PhotosService } from './photos.service';

/** A category as a case snapshots it (code and name are copied: later edits never rewrite history). */
export interface CategorySnapshot {
  id: string;
  code: string;
  name: string;
  kind: 'component' | 'event';
  /** The category and its ancestors, nearest first. */
  path: string[];
  pathText: string;
  severity: 'low' | 'normal' | 'high' | 'critical';
  departmentId: string | null;
  condition: { id: string; text: string; closing: string; limit: TimeLimit };
}

export interface RouteResult {
  leadUnitId: string | null;
  coUnitIds: string[];
  limits: StageLimits;
  grid: {
    id: string;
    code: string;
    name: string;
    communityId: string;
    blockId: string | null;
    leadUnitId: string | null;
  } | null;
  regions: { communityId: string | null; streetId: string | null; districtId: string | null };
  outOfGrid: boolean;
  route: {
    kind: 'rule' | 'category' | 'grid' | 'region' | 'manual';
    ruleId: string | null;
    rulePriority: number | null;
    text: string;
  };
}

/** What the cases module needs from the catalogue (categories, routing, calendar). */
export interface CatalogPort {
  resolveCategory(cityId: string, categoryId: string, conditionId?: string): Promise<CategorySnapshot>;
  routeCase(
    cityId: string,
    input: { category: CategorySnapshot; lng: number; lat: number; source: CaseSource; owner: Owner },
  ): Promise<RouteResult>;
  calendarData(cityId: string): Promise<CalendarData>;
}

export interface CasesDeps {
  db: Db;
  clock: Clock;
  catalog: CatalogPort;
  photos: PhotosService;
  notify: NotifyService;
  /** Base URL for links in external notifications (may be empty). */
  publicUrl: string;
}
