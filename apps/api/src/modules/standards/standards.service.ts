import { AppError } from '../../platform/app-error';
import type { StandardsDeps } from './standards.deps';
import type { TreeNode } from './standards.presenter';
import { createStandardsCore } from './standards-crud.service';
import { createStandardsIoService, loadSampleStandards } from './standards-io.service';

/** Standards: CRUD, node edits with whole-tree validation, Excel template/import/export, samples. */
export function createStandardsService(deps: StandardsDeps) {
  const core = createStandardsCore(deps);
  const io = createStandardsIoService(deps, core);

  /** For other modules: a standard of the city, or STANDARD_NOT_FOUND. */
  async function getStandardRow(cityId: string, id: string) {
    const s = await core.repo.byId(id);
    if (!s || s.cityId !== cityId) throw new AppError('STANDARD_NOT_FOUND', { id });
    return s;
  }

  return {
    listStandards: core.listStandards,
    getStandard: core.getStandard,
    createStandard: core.createStandard,
    updateStandard: core.updateStandard,
    deleteStandard: core.deleteStandard,
    createNode: core.createNode,
    updateNode: core.updateNode,
    deleteNode: core.deleteNode,
    template: io.template,
    importStandard: io.importStandard,
    exportStandard: io.exportStandard,
    loadSamples: io.loadSamples,
    /** The city of a call (the actor's, or the only one for installation admins). */
    cityOf: core.cityOf,
    getStandardRow,
    /** For the demo seed: the shipped samples into a city, as the system (idempotent by code). */
    loadSamplesFor: (cityId: string) => loadSampleStandards(deps, cityId),
    /** For the demo seed: the newest version of a code in the city, or STANDARD_NOT_FOUND. */
    async latestByCode(cityId: string, code: string) {
      const rows = await core.repo.byCode(cityId, code);
      const last = rows.sort((a, b) => b.version - a.version)[0];
      if (!last) throw new AppError('STANDARD_NOT_FOUND', { code });
      return last;
    },
    /** For other modules: the standard's nodes pre-ordered (parents first), with depth, leaf and unit names. */
    async getTree(cityId: string, standardId: string): Promise<TreeNode[]> {
      await getStandardRow(cityId, standardId);
      return core.treeOf(standardId);
    },
    /** For other modules: nodes by id (any standard), for links and checks. */
    nodesByIds: (ids: readonly string[]) => core.repo.nodesByIds(ids),
    /** For other modules: whether every id is a unit of the city (field error on `field` otherwise). */
    assertUnits: core.assertUnits,
  };
}

export type StandardsService = ReturnType<typeof createStandardsService>;
