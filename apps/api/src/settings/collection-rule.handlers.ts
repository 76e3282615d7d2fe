import { Command, CommandHandler, IQueryHandler, Query, QueryHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventActor } from '@app/event-store';
import {
  returnDeadlineRuleInForceAt,
  unverifiedFiguresRuleInForceAt,
  type ReturnDeadlineRule,
  type SetCollectionRule,
  type SettingSource,
  type UnverifiedFiguresRuleInForce,
} from '@app/domain';
import type { Caller } from '../auth/caller';
import type { RequestTrace } from '../plans/commands/command-origin';
import { CouncilSettingsStore, type LoadedSettings } from './council-settings.store';

/**
 * The council's data-collection rule in force, as `GET` and `PUT /v1/settings/collection` answer it:
 * `source`, `reason` and `setAt` are those of `unverifiedFigures`, and `deadlines` says the same of
 * `deadlineWorkingDays` and `nation`, which are set apart.
 */
export type CollectionRuleAnswer = { council: string } & Omit<UnverifiedFiguresRuleInForce, 'settingsRevision'> &
  ReturnDeadlineRule & {
    deadlines: Omit<SettingSource, 'settingsRevision'>;
    /** The council settings stream's revision, which `If-Match` names; null while the council never set anything. */
    revision: number | null;
  };

function answerOf(council: string, { recorded, revision }: LoadedSettings): CollectionRuleAnswer {
  const { settingsRevision: _unverifiedRevision, ...rule } = unverifiedFiguresRuleInForceAt(recorded, null);
  const { deadlineWorkingDays, nation, source, reason, setAt } = returnDeadlineRuleInForceAt(recorded, null);
  return { council, ...rule, deadlineWorkingDays, nation, deadlines: { source, reason, setAt }, revision };
}

export class SetCollectionRuleCommand extends Command<CollectionRuleAnswer> {
  constructor(
    readonly caller: Caller,
    readonly actor: EventActor,
    readonly command: SetCollectionRule,
    readonly trace: RequestTrace,
  ) {
    super();
  }
}

export class GetCollectionRuleQuery extends Query<CollectionRuleAnswer> {
  constructor(readonly caller: Caller) {
    super();
  }
}

@CommandHandler(SetCollectionRuleCommand)
export class SetCollectionRuleHandler implements ICommandHandler<SetCollectionRuleCommand, CollectionRuleAnswer> {
  constructor(private readonly settings: CouncilSettingsStore) {}

  async execute({ caller, actor, command, trace }: SetCollectionRuleCommand): Promise<CollectionRuleAnswer> {
    return answerOf(caller.council, await this.settings.execute(caller, command, actor, trace));
  }
}

@QueryHandler(GetCollectionRuleQuery)
export class GetCollectionRuleHandler implements IQueryHandler<GetCollectionRuleQuery, CollectionRuleAnswer> {
  constructor(private readonly settings: CouncilSettingsStore) {}

  async execute({ caller }: GetCollectionRuleQuery): Promise<CollectionRuleAnswer> {
    return answerOf(caller.council, await this.settings.load(caller.council));
  }
}
