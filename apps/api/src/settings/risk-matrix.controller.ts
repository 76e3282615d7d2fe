import { Body, Controller, Get } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access-table';
import { CurrentCaller, type Caller } from '../auth/caller';
import { CommandTrace, type RequestTrace } from '../plans/commands/command-origin';
import { actorFor } from '../plans/commands/plan-command.service';
import { SetRiskMatrixDto } from './risk-matrix.dto';
import { GetRiskMatrixQuery, SetRiskMatrixCommand, type RiskMatrixAnswer } from './risk-matrix.handlers';
import { SettingsCommandRoute, SettingsReadRoute } from './settings-route';

const ANSWER =
  'The matrix in force for the caller\'s council: `council`, `source` (`council`, or `default` for Three Rivers\' printed matrix), the 16 `cells`, `reason`, `setAt` and `revision` (of the council\'s settings).';

@ApiTags('settings')
@Controller('v1/settings/risk-matrix')
export class RiskMatrixController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @Access('settings.riskMatrix.read')
  @SettingsReadRoute("The council's risk matrix in force: the band of each likelihood × impact cell", ANSWER, 'RiskMatrixAnswer')
  read(@CurrentCaller() caller: Caller): Promise<RiskMatrixAnswer> {
    return this.queries.execute(new GetRiskMatrixQuery(caller));
  }

  @Access('settings.riskMatrix.set')
  @SettingsCommandRoute("Set the council's risk matrix", {
    description:
      'Every plan of the council bands the risks recorded from then on with it; a risk keeps the band it was given when recorded. ' +
      'Setting the matrix in force again records nothing.',
    answer: ANSWER,
    schema: 'RiskMatrixAnswer',
    refusedWhen: 'A cell is missing or given twice, or a band falls as likelihood or impact grows',
  })
  set(@Body() body: SetRiskMatrixDto, @CurrentCaller() caller: Caller, @CommandTrace() trace: RequestTrace): Promise<RiskMatrixAnswer> {
    const command = { type: 'SetRiskMatrix' as const, data: { cells: body.cells, reason: body.reason } };
    return this.commands.execute(new SetRiskMatrixCommand(caller, actorFor(caller, trace), command, trace));
  }
}
