import { Command, CommandHandler, IQueryHandler, Query, QueryHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventActor } from '@app/event-store';
import { describeRollupRule, rollupRuleInForceAt, type RollupRuleInForce, type SetRollupRule } from '@app/domain';
import type { Caller } from '../auth/caller';
import type { RequestTrace } from '../plans/commands/command-origin';
import { CouncilSettingsStore, type LoadedSettings } from './council-settings.store';

/** The roll-up rule in force for a council, as `GET` and `PUT /v1/settings/rollups` answer it. */
export type RollupRuleAnswer = { council: string } & Omit<RollupRuleInForce, 'settingsRevision'> & {
    /** The rule in words, as every roll-up states it. */
    stated: { rounding: string; method: string };
    /** The council settings stream's revision, which `If-Match` names; null while the council never set anything. */
    revision: number | null;
  };

function answerOf(council: string, { recorded, revision }: LoadedSettings): RollupRuleAnswer {
  const { settingsRevision: _settingsRevision, ...rule } = rollupRuleInForceAt(recorded, null);
  return { council, ...rule, stated: describeRollupRule(rule), revision };
}

export class SetRollupRuleCommand extends Command<RollupRuleAnswer> {
  constructor(
    readonly caller: Caller,
    readonly actor: EventActor,
    readonly command: SetRollupRule,
    readonly trace: RequestTrace,
  ) {
    super();
  }
}

export class GetRollupRuleQuery extends Query<RollupRuleAnswer> {
  constructor(readonly caller: Caller) {
    super();
  }
}

@CommandHandler(SetRollupRuleCommand)
export class SetRollupRuleHandler implements ICommandHandler<SetRollupRuleCommand, RollupRuleAnswer> {
  constructor(private readonly settings: CouncilSettingsStore) {}

  async execute({ caller, actor, command, trace }: SetRollupRuleCommand): Promise<RollupRuleAnswer> {
    return answerOf(caller.council, await this.settings.execute(caller, command, actor, trace));
  }
}

@QueryHandler(GetRollupRuleQuery)
export class GetRollupRuleHandler implements IQueryHandler<GetRollupRuleQuery, RollupRuleAnswer> {
  constructor(private readonly settings: CouncilSettingsStore) {}

  async execute({ caller }: GetRollupRuleQuery): Promise<RollupRuleAnswer> {
    return answerOf(caller.council, await this.settings.load(caller.council));
  }
}
