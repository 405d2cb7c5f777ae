import type { PolygonGeometry } from '@chuangcheng/domain';
import type {
  blocks,
  blockUnits,
  grids,
  gridUnits,
  gridWorkers,
  memberships,
  people,
  regions,
  units,
} from '../../db/schema/index';

// Rows are the tables' insert shapes with every column spelled out (no optional keys), so a generated
// row inserts as is and a forgotten column is a type error here rather than a NULL in the database.
type Row<T extends { $inferInsert: object }> = Required<Omit<T['$inferInsert'], 'createdAt' | 'updatedAt'>>;

/** A regions row. */
export type DemoRegion = Row<typeof regions>;
/** A units row. */
export type DemoUnit = Row<typeof units>;
/** A people row. */
export type DemoPerson = Row<typeof people>;
/** A grids row; the geometry is always one quadrilateral. */
export type DemoGrid = Omit<Row<typeof grids>, 'geometry'> & { geometry: PolygonGeometry };
/** A grid_units row (member units of a grid). */
export type DemoGridUnit = Row<typeof gridUnits>;
/** A grid_workers row. */
export type DemoGridWorker = Row<typeof gridWorkers>;
/** A blocks row. */
export type DemoBlock = Row<typeof blocks>;
/** A block_units row (responsible units of a block). */
export type DemoBlockUnit = Row<typeof blockUnits>;
/** A demo account: its users row (without the password hash, which the loader adds) and its membership. */
export interface DemoUser {
  id: string;
  cityId: string;
  username: string;
  displayName: string;
  role: Row<typeof memberships>['role'];
  regionId: string | null;
  unitId: string | null;
}

/** Options of the demo generator. */
export interface DemoOptions {
  /** PRNG seed (its low 32 bits); default 20261123. */
  seed?: number;
  /** Minimum number of unit grids; default 2000, from 50 to 500,000. */
  grids?: number;
}

/** The whole demo city, table by table, in an order that inserts cleanly. */
export interface DemoCity {
  city: DemoRegion;
  regions: DemoRegion[];
  units: DemoUnit[];
  people: DemoPerson[];
  grids: DemoGrid[];
  gridUnits: DemoGridUnit[];
  gridWorkers: DemoGridWorker[];
  blocks: DemoBlock[];
  blockUnits: DemoBlockUnit[];
  users: DemoUser[];
}
