import type { CalendarData, CaseSource, Owner } from '@chuangcheng/contracts';
import type { Db } from '../../db/client';
import type { Clock } from '../../platform/clock';
import type { SecretBox } from '../../platform/secret-box';
import type { CategorySnapshot, RouteResult } from '../catalog/index';
import type { NotifyService } from '../notify/index';
import type { SupervisionRules } from './case-supervision';
import type { PhotosService } from './photos.service';

// The snapshot and route shapes are the catalogue's own (one definition, in catalog/route-case.ts).
export type { CategorySnapshot, RouteResult };

/** What the cases module needs from the catalogue (categories, routing, calendar). */
export interface CatalogPort {
  resolveCategory(cityId: string, categoryId: string, conditionId?: string): Promise<CategorySnapshot>;
  routeCase(
    cityId: string,
    input: {
      category: CategorySnapshot;
      lng: number | null;
      lat: number | null;
      source: CaseSource;
      owner: Owner;
    },
  ): Promise<RouteResult>;
  calendarData(cityId: string): Promise<CalendarData>;
}

export interface CasesDeps {
  db: Db;
  clock: Clock;
  catalog: CatalogPort;
  photos: PhotosService;
  notify: NotifyService;
  /** Seals reporters' phone numbers at rest. */
  secrets: SecretBox;
  /** Base URL for links in external notifications (may be empty). */
  publicUrl: string;
  /** Default 限期 of 督办单 (working days); DEFAULT_SUPERVISION_RULES when left out. */
  supervision?: SupervisionRules;
}
