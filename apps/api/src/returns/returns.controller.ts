import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access-table';
import { CurrentCaller, type Caller } from '../auth/caller';
import { ApiAnswer } from '../openapi/answers';
import { ReadYourWrites } from '../plans/queries/read-your-writes';
import { ReturnsParams } from './returns.dto';
import { GetReturnsQuery, type ReturnsAnswer } from './returns.queries';

@ApiTags('returns')
@Controller('v1/returns')
export class ReturnsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Get()
  @Access('returns.read')
  @ApiAnswer('ReturnsAnswer', { description: 'The returns in scope, with their deadlines and where each stands, and their counts by status.' })
  @ApiOperation({
    summary: 'Who owes which return by when: each indicator\'s figure and each priority\'s progress, due, overdue, submitted or verified',
    description:
      "For every plan of the caller's council not closed (an officer limited to services: theirs), each indicator's return for the periods " +
      'of its frequency and each priority\'s progress for a quarter. A return falls due the council\'s number of working days after its ' +
      'period ends (`GET /v1/settings/collection`), counted by the deadlines in force on its last day; it is `due` until then with nothing ' +
      'recorded, `overdue` after, `submitted` once recorded and `verified` once a second officer has checked the figure. A rejected figure is ' +
      'owed again, due or overdue by the same deadline. Progress is not verified, so it stays `submitted`.',
  })
  async list(@CurrentCaller() caller: Caller, @QueryParams() params: ReturnsParams): Promise<ReturnsAnswer> {
    await this.readYourWrites.waitFor(params.waitFor);
    const filters = { period: params.period ?? null, status: params.status ?? null, mine: params.mine === 'true' };
    return this.queries.execute(new GetReturnsQuery(caller, filters, new Date()));
  }
}
