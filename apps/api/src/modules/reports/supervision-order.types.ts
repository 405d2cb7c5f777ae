/** One problem a printed 督办单 lists (a case today; a work item or inspection finding later). */
export interface SupervisionOrderDocLine {
  /** 案卷 / 工作任务 / 督查问题 */
  kindLabel: string;
  /** 20261123-0042 */
  refNumber: string;
  /** 事件 / 街面秩序 / 占道经营 */
  title: string;
  description: string;
  address: string | null;
  gridName: string | null;
  coUnitNames: string[];
  reportedAt: Date | null;
  /** 原定期限: the unit's deadline at issue (may have passed) */
  originalDeadline: Date | null;
}

/**
 * Everything a printed 督办单 shows, taken from its frozen content (see `docOfContent`); the caller
 * loads the photo bytes by the frozen file ids beforehand.
 */
export interface SupervisionOrderDoc {
  /** 示范市 */
  cityName: string;
  /** issuing office, e.g. 示范市创建工作办公室 */
  officeName: string;
  /** e.g. 督〔2026〕0007号 */
  number: string;
  /** 1 督办, 2 挂牌督办 */
  level: 1 | 2;
  /** responsible unit (主办) */
  unitName: string;
  lines: SupervisionOrderDocLine[];
  /** 限期: the order's own deadline */
  deadline: Date | null;
  /** 督办要求 text */
  requirements: string;
  issuedAt: Date;
  /** person name */
  issuedBy: string;
  /** jpeg/png (other formats sharp reads are converted), up to ~6 */
  photos: { caption: string; bytes: Buffer }[];
  /** 480 → times are printed in China time, e.g. 2026年11月23日 14:30 */
  utcOffsetMinutes: number;
}
