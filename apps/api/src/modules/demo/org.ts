import type { PersonDuty } from '@chuangcheng/contracts';
import {
  address,
  DEPARTMENTS,
  type DepartmentName,
  fictionalPhone,
  LEADER_TITLES,
  OFFICE_UNIT,
  personName,
} from './names';
import { createRng, type Rng } from './random';
import type { CommunityNode, RegionTree, StreetNode } from './regions';
import type { DemoPerson, DemoUnit } from './types';

/** Random streams shared by the stages after the region tree; call order fixes what each stage draws. */
export interface DemoContext {
  seed: number;
  cityId: string;
  ids: Record<'units' | 'people' | 'grids' | 'blocks' | 'users', Rng>;
  /** Names, phones, addresses. */
  names: Rng;
  /** Sizes of communities and blocks. */
  layout: Rng;
}

/** Opens the named streams for one seed. */
export function createContext(seed: number, cityId: string): DemoContext {
  const s = (name: string): Rng => createRng(seed, name);
  return {
    seed,
    cityId,
    ids: {
      units: s('units'),
      people: s('people'),
      grids: s('grids'),
      blocks: s('blocks'),
      users: s('users'),
    },
    names: s('names'),
    layout: s('layout'),
  };
}

/** Units and their staff, indexed the ways the grid and block stages look them up. */
export interface Org {
  units: DemoUnit[];
  people: DemoPerson[];
  office: DemoUnit;
  departments: Map<DepartmentName, DemoUnit>;
  /** Street office by street region id. */
  streetUnits: Map<string, DemoUnit>;
  /** 居委会 / 村委会 by community region id. */
  communityUnits: Map<string, DemoUnit>;
  /** Sponsoring city leaders (包保领导), in LEADER_TITLES order. */
  leaders: DemoPerson[];
  inspectors: DemoPerson[];
  /** First person of each unit (its 联络员), by unit id. */
  contacts: Map<string, DemoPerson>;
}

const INSPECTORS = 6;

/** Builds the campaign office, 27 departments, street offices and community committees, with staff. */
export function buildOrg(ctx: DemoContext, tree: RegionTree): Org {
  // City-level bodies sit in the central district's administrative centre.
  const seat = tree.districts[0]!.name;
  const org: Org = {
    units: [],
    people: [],
    office: unitRow(ctx, OFFICE_UNIT.code, OFFICE_UNIT.name, 'other', null, null, seat),
    departments: new Map(),
    streetUnits: new Map(),
    communityUnits: new Map(),
    leaders: [],
    inspectors: [],
    contacts: new Map(),
  };
  addUnit(ctx, org, org.office, '综合协调科科长');
  for (const title of LEADER_TITLES)
    org.leaders.push(addPerson(ctx, org, org.office, title, ['sponsor_leader']));
  for (let i = 0; i < INSPECTORS; i++) {
    const title = i === 0 ? '督查组组长' : '督查员';
    org.inspectors.push(addPerson(ctx, org, org.office, title, ['inspector']));
  }
  DEPARTMENTS.forEach((name, i) => {
    const unit = unitRow(ctx, `D${String(i + 1).padStart(2, '0')}`, name, 'department', null, null, seat);
    org.departments.set(name, unit);
    addUnit(ctx, org, unit, '创城工作分管科长');
  });
  for (const street of tree.streets) addStreetUnit(ctx, org, street);
  for (const community of tree.communities) addCommunityUnit(ctx, org, community);
  return org;
}

function addStreetUnit(ctx: DemoContext, org: Org, street: StreetNode): void {
  const name = `${street.region.name}办事处`;
  const unit = unitRow(
    ctx,
    `S${street.region.code}`,
    name,
    'street',
    null,
    street.region.id,
    street.district.name,
  );
  org.streetUnits.set(street.region.id, unit);
  addUnit(ctx, org, unit, '城管办主任');
}

function addCommunityUnit(ctx: DemoContext, org: Org, c: CommunityNode): void {
  const name = c.village ? `${c.region.name}村民委员会` : `${c.region.name}居民委员会`;
  const parent = org.streetUnits.get(c.street.region.id)!;
  const unit = unitRow(ctx, `C${c.region.code}`, name, 'community', parent.id, c.region.id, c.district.name);
  org.communityUnits.set(c.region.id, unit);
  // Small committees often have one person doing both jobs, so about half get a single 书记/主任.
  const head = c.village ? '村党支部书记' : '社区党委书记';
  if (ctx.names.float() < 0.5) {
    org.units.push(unit);
    addPerson(ctx, org, unit, head, ['contact', 'responsible']);
  } else addUnit(ctx, org, unit, head);
}

/** Adds the unit with a 联络员 and a 具体负责人 (whose title is given); the 联络员 is its contact. */
function addUnit(ctx: DemoContext, org: Org, unit: DemoUnit, responsibleTitle: string): void {
  org.units.push(unit);
  addPerson(ctx, org, unit, '联络员', ['contact']);
  addPerson(ctx, org, unit, responsibleTitle, ['responsible']);
}

/** Adds one person to the unit; the unit's first person becomes its listed contact. */
export function addPerson(
  ctx: DemoContext,
  org: Org,
  unit: DemoUnit,
  title: string,
  duties: PersonDuty[],
): DemoPerson {
  const person: DemoPerson = {
    id: ctx.ids.people.uuid(),
    cityId: ctx.cityId,
    unitId: unit.id,
    name: personName(ctx.names),
    title,
    phone: fictionalPhone(ctx.names),
    duties,
    userId: null,
  };
  org.people.push(person);
  if (!org.contacts.has(unit.id)) {
    org.contacts.set(unit.id, person);
    unit.contactName = person.name;
    unit.contactPhone = person.phone;
  }
  return person;
}

function unitRow(
  ctx: DemoContext,
  code: string,
  name: string,
  kind: DemoUnit['kind'],
  parentId: string | null,
  regionId: string | null,
  district: string,
): DemoUnit {
  return {
    id: ctx.ids.units.uuid(),
    cityId: ctx.cityId,
    code,
    name,
    kind,
    parentId,
    regionId,
    contactName: null,
    contactPhone: null,
    address: address(ctx.names, district),
  };
}
