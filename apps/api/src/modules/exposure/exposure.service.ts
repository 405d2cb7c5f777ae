import { createExposureRepository } from './exposure.repository';
import { createExposuresService, type ExposureDeps } from './exposures.service';
import { createRankingBoardsService, type RankingBoardsDeps } from './ranking-boards.service';

/** The exposure board (曝光台) and the ranking boards (红黑榜), on one repository. */
export function createExposureService(deps: ExposureDeps & RankingBoardsDeps) {
  const repo = createExposureRepository(deps.db);
  return { ...createExposuresService(deps, repo), ...createRankingBoardsService(deps, repo) };
}
export type ExposureService = ReturnType<typeof createExposureService>;
