import { Body, Controller, Get } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access-table';
import { CurrentCaller, type Caller } from '../auth/caller';
import { CommandTrace, type RequestTrace } from '../plans/commands/command-origin';
import { actorFor } from '../plans/commands/plan-command.service';
import { SetRollupRuleDto } from './rollup-rule.dto';
import { GetRollupRuleQuery, SetRollupRuleCommand, type RollupRuleAnswer } from './rollup-rule.handlers';
import { SettingsCommandRoute, SettingsReadRoute } from './settings-route';

const ANSWER =
  "The roll-up rule in force for the caller's council: `council`, `rounding`, `milestoneWithoutEntry`, `source` (`council`, or " +
  '`default`: half up, 0% without an entry), `reason`, `setAt`, `stated` (the rule in the words every roll-up states it) and `revision` (of the council\'s settings).';

@ApiTags('settings')
@Controller('v1/settings/rollups')
export class RollupRuleController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @Access('settings.rollups.read')
  @SettingsReadRoute("The council's roll-up rule in force: how objective and plan percentages are rounded and what a milestone without an entry counts", ANSWER, 'RollupRuleAnswer')
  read(@CurrentCaller() caller: Caller): Promise<RollupRuleAnswer> {
    return this.queries.execute(new GetRollupRuleQuery(caller));
  }

  @Access('settings.rollups.set')
  @SettingsCommandRoute("Set the council's roll-up rule", {
    description:
      'In force from when it is recorded: every report of the council rolls up with it from then on, and a report `asOf` an earlier instant ' +
      'with the rule in force then, so what a committee was shown comes out the same. Every roll-up states the rule it was made with. ' +
      'Setting the rule in force again records nothing.',
    answer: ANSWER,
    schema: 'RollupRuleAnswer',
    refusedWhen: 'A value is not one of those allowed',
  })
  set(@Body() body: SetRollupRuleDto, @CurrentCaller() caller: Caller, @CommandTrace() trace: RequestTrace): Promise<RollupRuleAnswer> {
    const command = {
      type: 'SetRollupRule' as const,
      data: { rounding: body.rounding, milestoneWithoutEntry: body.milestoneWithoutEntry, reason: body.reason },
    };
    return this.commands.execute(new SetRollupRuleCommand(caller, actorFor(caller, trace), command, trace));
  }
}
