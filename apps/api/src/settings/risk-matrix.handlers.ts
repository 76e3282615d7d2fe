import { Command, CommandHandler, IQueryHandler, Query, QueryHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventActor } from '@app/event-store';
import type { RiskMatrixCell, SetRiskMatrix } from '@app/domain';
import { riskMatrixInForce } from '@app/domain';
import type { Caller } from '../auth/caller';
import type { RequestTrace } from '../plans/commands/command-origin';
import { CouncilSettingsStore, type LoadedSettings } from './council-settings.store';

/** The matrix in force for a council, as `GET` and `PUT /v1/settings/risk-matrix` answer it. */
export interface RiskMatrixAnswer {
  council: string;
  /** `council`: the council set it; `default`: it never did, and Three Rivers' printed matrix applies. */
  source: 'council' | 'default';
  cells: RiskMatrixCell[];
  /** Why the council set it, when it did. */
  reason: string | null;
  setAt: string | null;
  /** The council settings stream's revision, which `If-Match` names; null while the council never set anything. */
  revision: number | null;
}

function answerOf(council: string, { state, recorded, revision }: LoadedSettings): RiskMatrixAnswer {
  return {
    council,
    source: state.riskMatrix ? 'council' : 'default',
    cells: riskMatrixInForce(state).cells,
    reason: state.riskMatrix?.reason ?? null,
    setAt: recorded.filter(({ event }) => event.type === 'RiskMatrixSet').at(-1)?.recordedAt ?? null,
    revision,
  };
}

export class SetRiskMatrixCommand extends Command<RiskMatrixAnswer> {
  constructor(
    readonly caller: Caller,
    readonly actor: EventActor,
    readonly command: SetRiskMatrix,
    readonly trace: RequestTrace,
  ) {
    super();
  }
}

export class GetRiskMatrixQuery extends Query<RiskMatrixAnswer> {
  constructor(readonly caller: Caller) {
    super();
  }
}

@CommandHandler(SetRiskMatrixCommand)
export class SetRiskMatrixHandler implements ICommandHandler<SetRiskMatrixCommand, RiskMatrixAnswer> {
  constructor(private readonly settings: CouncilSettingsStore) {}

  async execute({ caller, actor, command, trace }: SetRiskMatrixCommand): Promise<RiskMatrixAnswer> {
    return answerOf(caller.council, await this.settings.execute(caller, command, actor, trace));
  }
}

@QueryHandler(GetRiskMatrixQuery)
export class GetRiskMatrixHandler implements IQueryHandler<GetRiskMatrixQuery, RiskMatrixAnswer> {
  constructor(private readonly settings: CouncilSettingsStore) {}

  async execute({ caller }: GetRiskMatrixQuery): Promise<RiskMatrixAnswer> {
    return answerOf(caller.council, await this.settings.load(caller.council));
  }
}
