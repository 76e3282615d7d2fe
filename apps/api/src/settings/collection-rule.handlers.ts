import { Command, CommandHandler, IQueryHandler, Query, QueryHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventActor } from '@app/event-store';
import { unverifiedFiguresRuleInForceAt, type SetUnverifiedFiguresRule, type UnverifiedFiguresRuleInForce } from '@app/domain';
import type { Caller } from '../auth/caller';
import type { RequestTrace } from '../plans/commands/command-origin';
import { CouncilSettingsStore, type LoadedSettings } from './council-settings.store';

/** The council's data-collection rule in force, as `GET` and `PUT /v1/settings/collection` answer it. */
export type CollectionRuleAnswer = { council: string } & Omit<UnverifiedFiguresRuleInForce, 'settingsRevision'> & {
    /** The council settings stream's revision, which `If-Match` names; null while the council never set anything. */
    revision: number | null;
  };

function answerOf(council: string, { recorded, revision }: LoadedSettings): CollectionRuleAnswer {
  const { settingsRevision: _settingsRevision, ...rule } = unverifiedFiguresRuleInForceAt(recorded, null);
  return { council, ...rule, revision };
}

export class SetCollectionRuleCommand extends Command<CollectionRuleAnswer> {
  constructor(
    readonly caller: Caller,
    readonly actor: EventActor,
    readonly command: SetUnverifiedFiguresRule,
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
