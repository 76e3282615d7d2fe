import { Body, Controller, Get } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access-table';
import { CurrentCaller, type Caller } from '../auth/caller';
import { CommandTrace, type RequestTrace } from '../plans/commands/command-origin';
import { actorFor } from '../plans/commands/plan-command.service';
import { SetCollectionRuleDto } from './collection-rule.dto';
import { GetCollectionRuleQuery, SetCollectionRuleCommand, type CollectionRuleAnswer } from './collection-rule.handlers';
import { SettingsCommandRoute, SettingsReadRoute } from './settings-route';

const ANSWER =
  "The data-collection rule in force for the caller's council: `council`, `unverifiedFigures`, `source` (`council`, or `default`: " +
  'every figure rated), `reason`, `setAt`; `deadlineWorkingDays` (`monthly`, `quarterly`, `annual`) and `nation`, with `deadlines` ' +
  "saying where they come from (`source` `default`: 10, 15 and 15 working days in England and Wales); and `revision` (of the council's settings).";

@ApiTags('settings')
@Controller('v1/settings/collection')
export class CollectionRuleController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @Access('settings.collection.read')
  @SettingsReadRoute(
    "The council's data-collection rule in force: whether reports rate figures not yet verified, and when returns fall due",
    ANSWER,
    'CollectionRuleAnswer',
  )
  read(@CurrentCaller() caller: Caller): Promise<CollectionRuleAnswer> {
    return this.queries.execute(new GetCollectionRuleQuery(caller));
  }

  @Access('settings.collection.set')
  @SettingsCommandRoute("Set the council's data-collection rule", {
    description:
      'Any part of the rule; what is left out stays as it is. In force from when it is recorded: every report of the council rates or ' +
      'holds back unverified figures by it from then on, and a report `asOf` an earlier instant by the rule in force then; the returns ' +
      'of a period fall due by the deadlines in force on its last day, so a change never moves a deadline already running. Every ' +
      'report states the rule it was made with. Setting the rule in force again records nothing.',
    answer: ANSWER,
    schema: 'CollectionRuleAnswer',
    refusedWhen: 'The body sets nothing',
  })
  set(@Body() body: SetCollectionRuleDto, @CurrentCaller() caller: Caller, @CommandTrace() trace: RequestTrace): Promise<CollectionRuleAnswer> {
    const { unverifiedFigures, deadlineWorkingDays, nation, reason } = body;
    const command = { type: 'SetCollectionRule' as const, data: { unverifiedFigures, deadlineWorkingDays, nation, reason } };
    return this.commands.execute(new SetCollectionRuleCommand(caller, actorFor(caller, trace), command, trace));
  }
}
