import { CorporatePlanNotFoundError } from '@app/application-errors';
import type { CorporatePlanCommand } from '@app/domain';
import type { EventActor } from '@app/event-store';
import { CORPORATE_PLANS_COLLECTION, corporatePlanDocumentId, documentBody, type CorporatePlanHistoryEntry, type CorporatePlanView } from '@app/projections';
import { READ_STORE, type ReadDocument, type ReadStore } from '@app/read-store';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, IQueryHandler, Query, QueryHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Caller } from '../auth/caller';
import type { RequestTrace } from '../plans/commands/command-origin';
import type { Page } from '../plans/queries/handlers/plan-queries';
import { ReadYourWrites } from '../plans/queries/read-your-writes';
import { CorporatePlansStore, type CorporatePlanCommandOutcome } from './corporate-plans.store';

/** A corporate plan as `GET /v1/corporate-plans/{id}` and the list answer it: its history is read on its own. */
export type CorporatePlanAnswer = Omit<CorporatePlanView, 'history'>;

export interface CorporatePlanHistoryAnswer {
  corporatePlanId: string;
  entries: CorporatePlanHistoryEntry[];
}

export class ExecuteCorporatePlanCommand extends Command<CorporatePlanCommandOutcome> {
  constructor(
    readonly caller: Caller,
    readonly actor: EventActor,
    readonly command: CorporatePlanCommand,
    readonly trace: RequestTrace,
  ) {
    super();
  }
}

export class GetCorporatePlanQuery extends Query<CorporatePlanView> {
  constructor(
    readonly caller: Caller,
    readonly corporatePlanId: string,
    readonly waitFor: number | undefined,
  ) {
    super();
  }
}

export class ListCorporatePlansQuery extends Query<Page<CorporatePlanAnswer>> {
  constructor(
    readonly caller: Caller,
    readonly page: { limit?: number; cursor?: string; waitFor?: number },
  ) {
    super();
  }
}

@CommandHandler(ExecuteCorporatePlanCommand)
export class ExecuteCorporatePlanCommandHandler implements ICommandHandler<ExecuteCorporatePlanCommand, CorporatePlanCommandOutcome> {
  constructor(private readonly corporatePlans: CorporatePlansStore) {}

  execute({ caller, actor, command, trace }: ExecuteCorporatePlanCommand): Promise<CorporatePlanCommandOutcome> {
    return this.corporatePlans.execute(caller.council, command, actor, trace);
  }
}

const withoutHistory = (document: ReadDocument): CorporatePlanAnswer => {
  const { history: _history, ...plan } = documentBody<CorporatePlanView>(document);
  return plan;
};

/** Read under the caller's council alone: another council's corporate plan is not found, as a missing one. */
@QueryHandler(GetCorporatePlanQuery)
export class GetCorporatePlanHandler implements IQueryHandler<GetCorporatePlanQuery, CorporatePlanView> {
  constructor(
    @Inject(READ_STORE) private readonly reads: ReadStore,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  async execute({ caller, corporatePlanId, waitFor }: GetCorporatePlanQuery): Promise<CorporatePlanView> {
    await this.readYourWrites.waitFor(waitFor);
    const document = await this.reads.get(CORPORATE_PLANS_COLLECTION, corporatePlanDocumentId(caller.council, corporatePlanId));
    if (document === null) throw CorporatePlanNotFoundError.withId(corporatePlanId);
    return documentBody<CorporatePlanView>(document);
  }
}

@QueryHandler(ListCorporatePlansQuery)
export class ListCorporatePlansHandler implements IQueryHandler<ListCorporatePlansQuery, Page<CorporatePlanAnswer>> {
  constructor(
    @Inject(READ_STORE) private readonly reads: ReadStore,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  async execute({ caller, page }: ListCorporatePlansQuery): Promise<Page<CorporatePlanAnswer>> {
    await this.readYourWrites.waitFor(page.waitFor);
    const found = await this.reads.find(CORPORATE_PLANS_COLLECTION, {
      where: { council: caller.council },
      sort: [{ field: 'periodRange.from', direction: 'asc' }],
      limit: page.limit ?? 50,
      cursor: page.cursor,
    });
    return { items: found.items.map(withoutHistory), next: found.next };
  }
}

export const CORPORATE_PLAN_HANDLERS = [ExecuteCorporatePlanCommandHandler, GetCorporatePlanHandler, ListCorporatePlansHandler];
