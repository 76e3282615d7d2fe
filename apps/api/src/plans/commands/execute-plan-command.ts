import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { PlanCommand } from '@app/domain';
import type { Caller } from '../../auth/caller';
import type { RequestTrace } from './command-origin';
import { PlanCommandService, type PlanCommandOutcome } from './plan-command.service';

/** Every plan command the HTTP edge accepts travels as this one bus command to the one service. */
export class ExecutePlanCommand extends Command<PlanCommandOutcome> {
  constructor(
    readonly planId: string,
    readonly command: PlanCommand,
    readonly caller: Caller,
    readonly trace: RequestTrace,
  ) {
    super();
  }
}

@CommandHandler(ExecutePlanCommand)
export class ExecutePlanCommandHandler implements ICommandHandler<ExecutePlanCommand, PlanCommandOutcome> {
  constructor(private readonly plans: PlanCommandService) {}

  execute({ planId, command, caller, trace }: ExecutePlanCommand): Promise<PlanCommandOutcome> {
    return this.plans.execute(planId, command, caller, trace);
  }
}
