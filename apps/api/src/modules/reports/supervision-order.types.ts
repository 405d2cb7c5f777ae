/** Everything a printed 督办单 shows; the caller resolves names and loads photo bytes beforehand. */
export interface SupervisionOrderDoc {
  /** 示范市 */
  cityName: string;
  /** issuing office, e.g. 示范市创建办 */
  officeName: string;
  /** e.g. 督〔2026〕0007号 */
  number: string;
  /** 1 督办, 2 挂牌督办 */
  level: 1 | 2;
  /** responsible unit (主办) */
  unitName: string;
  /** 协办 */
  coUnitNames: string[];
  /** 20261123-0042 */
  caseNumber: string;
  /** 事件 / 街面秩序 / 占道经营 */
  categoryName: string;
  description: string;
  address: string | null;
  gridName: string | null;
  reportedAt: Date;
  /** the deadline that was missed / current */
  deadline: Date | null;
  /** 限期整改至 */
  newDeadline: Date;
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
