import type { DownloadFile } from '../../http/download';
import type { Ctx } from '../../platform/actor';
import type { AssessmentsDeps } from './assessments.deps';
import { ROUND_READ } from './assessments.policy';
import { roundSheet } from './assessments-export';
import { createIndicatorCasesService } from './indicator-cases.service';
import { createReadinessService } from './readiness.service';
import { createRoundsService } from './rounds.service';

/** The assessments module: rounds and their scoring, lost points, rectification cases, readiness. */
export function createAssessmentsService(deps: AssessmentsDeps) {
  const rounds = createRoundsService(deps);
  const { core } = rounds;
  const links = createIndicatorCasesService(deps, core);
  const readiness = createReadinessService(deps, core);
  return {
    listRounds: rounds.listRounds,
    createRound: rounds.createRound,
    getRound: rounds.getRound,
    scorePhoto: rounds.scorePhoto,
    scoreRound: rounds.scoreRound,
    recomputeRound: rounds.recomputeRound,
    closeRound: rounds.closeRound,
    deleteRound: rounds.deleteRound,
    lostPoints: rounds.lostPoints,
    linkCase: links.linkCase,
    unlinkCase: links.unlinkCase,
    caseFromLostPoint: links.caseFromLostPoint,
    readiness: readiness.readiness,

    /** The round's score sheet (.xlsx): every node, score, lost, source, note; totals and verdict. */
    async exportRound(ctx: Ctx, id: string): Promise<DownloadFile> {
      const detail = await rounds.getRound(ctx, id);
      const { campaign } = await core.roundFor(ctx, ROUND_READ, id);
      return roundSheet(detail, await core.repo.leadUnits(campaign.id));
    },
  };
}

export type AssessmentsService = ReturnType<typeof createAssessmentsService>;
