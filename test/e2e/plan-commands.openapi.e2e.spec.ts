import { CommandApi } from './plan-commands.support';

describe('The command routes in the OpenAPI document', () => {
  let api: CommandApi;
  let document: {
    paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { $ref: string } }> }; responses: Record<string, unknown>; parameters?: Array<{ name: string; in: string }> }>>;
    components: { schemas: Record<string, { properties: Record<string, unknown>; required?: string[] }> };
  };

  beforeAll(async () => {
    api = await CommandApi.start();
    const answer = await api.app.inject({ method: 'GET', url: '/docs-json' });
    document = answer.json();
  });

  afterAll(() => api.close());

  const bodySchema = (path: string, verb: string) => {
    const ref = document.paths[path][verb].requestBody?.content['application/json'].schema.$ref ?? '';
    return document.components.schemas[ref.replace('#/components/schemas/', '')];
  };

  it.each([
    ['/v1/plans', 'post', '201', ['title', 'service', 'period', 'planId', 'owner']],
    ['/v1/plans/{planId}/submission', 'post', '200', ['committee', 'meetingDate']],
    ['/v1/plans/{planId}/reopen', 'post', '200', ['reason']],
    ['/v1/plans/{planId}/priorities', 'post', '201', ['ref', 'title', 'themes', 'themeIds', 'objective', 'kind', 'sponsor', 'manager', 'owner', 'approver', 'outcomes']],
    ['/v1/plans/{planId}/priorities/{ref}', 'patch', '200', ['title', 'themes', 'themeIds', 'objective', 'kind', 'sponsor', 'manager', 'owner', 'approver', 'outcomes', 'reason']],
    ['/v1/plans/{planId}/priorities/{ref}', 'delete', '200', ['reason']],
    ['/v1/plans/{planId}/indicators', 'post', '201', ['code', 'title', 'description', 'unit', 'polarity', 'basis', 'frequency', 'tolerance', 'toleranceAbsolute', 'themeId', 'targets', 'priorityRefs', 'owner', 'approver']],
    ['/v1/plans/{planId}/indicators/{code}', 'patch', '200', ['title', 'description', 'unit', 'polarity', 'basis', 'frequency', 'tolerance', 'toleranceAbsolute', 'themeId', 'owner', 'approver', 'reason']],
    ['/v1/plans/{planId}/indicators/{code}/targets/{period}', 'put', '200', ['value', 'upper', 'baseline', 'comparison', 'text', 'reason', 'authority']],
    ['/v1/plans/{planId}/indicators/{code}/actuals', 'post', '201', ['period', 'value', 'commentary', 'source', 'method', 'caveats', 'reason']],
    ['/v1/plans/{planId}/indicators/{code}/baselines', 'post', '201', ['period', 'value', 'source', 'note', 'reason']],
    ['/v1/plans/{planId}/indicators/{code}/priorities', 'put', '200', ['priorityRefs', 'reason']],
    ['/v1/plans/{planId}/priorities/{ref}/progress', 'post', '201', ['period', 'percentComplete', 'status', 'position', 'commentary', 'milestone']],
    ['/v1/plans/{planId}/scrutiny', 'post', '201', ['committee', 'meetingDate', 'minuteRef', 'comments']],
    ['/v1/plans/{planId}/versions', 'post', '201', ['label', 'reason', 'effectiveDate']],
    ['/v1/plans/{planId}/approval', 'post', '200', ['body', 'meetingDate', 'decisionRef']],
    ['/v1/plans/{planId}/close', 'post', '200', ['reason']],
  ])('documents %s %s: its success status, headers, refusals and every body field', (path, verb, success, fields) => {
    const operation = document.paths[path]?.[verb];
    expect(operation).toBeDefined();
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining([success, '400', '404', '409', '412', '422']));
    expect(operation.parameters?.map((parameter) => parameter.name)).toEqual(expect.arrayContaining(['Idempotency-Key', 'If-Match']));
    expect(Object.keys(bodySchema(path, verb).properties).sort()).toEqual([...fields].sort());
  });

  it('documents the integrity check and the shapes of nested fields', () => {
    expect(Object.keys(document.paths['/v1/plans/{planId}/integrity'].get.responses)).toContain('200');
    expect(Object.keys(document.components.schemas.OutcomeDto.properties).sort()).toEqual(['description', 'due', 'ref', 'targetDate']);
    expect(document.components.schemas.DefineIndicatorDto.properties.polarity).toMatchObject({
      enum: ['higher-is-better', 'lower-is-better', 'on-target-is-best'],
    });
    expect(Object.keys(document.components.schemas.TargetDto.properties).sort()).toEqual(['baseline', 'comparison', 'period', 'text', 'upper', 'value']);
    expect(document.components.schemas.TargetDto.properties.comparison).toMatchObject({
      enum: ['at-least', 'more-than', 'at-most', 'less-than', 'between', 'equal'],
    });
    expect(document.components.schemas.AddPriorityDto.properties.kind).toMatchObject({ enum: ['priority', 'project', 'action'] });
    expect(document.components.schemas.AddPriorityDto.properties.sponsor).toMatchObject({ maxLength: 200 });
    expect(document.components.schemas.OutcomeDto.properties.due).toMatchObject({ type: 'string', example: '2020/21-Q1' });
  });

  it('documents the limits of what a plan holds', () => {
    const { AddPriorityDto, DefineIndicatorDto, RecordScrutinyDto } = document.components.schemas;
    expect(AddPriorityDto.properties.outcomes).toMatchObject({ maxItems: 100 });
    expect(AddPriorityDto.properties.themes).toMatchObject({ maxItems: 20 });
    expect(AddPriorityDto.properties.ref).toMatchObject({ maxLength: 50 });
    expect(DefineIndicatorDto.properties.targets).toMatchObject({ maxItems: 100 });
    expect(RecordScrutinyDto.properties.comments).toMatchObject({ maxItems: 200 });
    expect((document as unknown as { info: { description: string } }).info.description).toMatch(
      /at most 200 priorities, 2000 outcomes in all, 200 indicators.*100 published versions.*refused with 422/s,
    );
  });
});
