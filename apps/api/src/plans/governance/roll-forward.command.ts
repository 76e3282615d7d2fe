import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { RollForward } from '@app/domain';
import type { Caller } from '../../auth/caller';
import type { RequestTrace } from '../commands/command-origin';
import { PlanCommandService, type RollForwardOutcome } from '../commands/plan-command.service';

/** Next year's plan drafted from this year's: one command over two plans, travelling to the one service as every plan command does. */
export class RollForwardPlanCommand extends Command<RollForwardOutcome> {
  constructor(
    readonly fromPlanId: string,
    readonly asked: Omit<RollForward, 'planId'>,
    readonly caller: Caller,
    readonly trace: RequestTrace,
  ) {
    super();
  }
}

@CommandHandler(RollForwardPlanCommand)
export class RollForwardPlanHandler implements ICommandHandler<RollForwardPlanCommand, RollForwardOutcome> {
  constructor(private readonly plans: PlanCommandService) {}

  execute({ fromPlanId, asked, caller, trace }: RollForwardPlanCommand): Promise<RollForwardOutcome> {
    return this.plans.rollForward(fromPlanId, asked, caller, trace);
  }
}
