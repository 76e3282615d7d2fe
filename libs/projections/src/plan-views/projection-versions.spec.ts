import { PLAN_EVENT_TYPES } from '@app/domain';
import { planProjections } from './plan-projections';
import {
  currentVersions,
  type ProjectionVersions,
  recordedVersions,
  unbumpedChanges,
  versionProblems,
} from './testing/projection-digests';
import { projectionVersionsStream } from './testing/projection-versions.fixture';

describe('projection versions', () => {
  it('hold each projection\'s output: a projection whose documents change gets a new version', async () => {
    expect(versionProblems(recordedVersions(), await currentVersions(planProjections))).toEqual([]);
  });

  it('are held over a stream of every plan event type, beyond a snapshot interval', () => {
    const events = projectionVersionsStream();
    const missing = PLAN_EVENT_TYPES.filter((type) => !events.some((event) => event.type === type)).map(
      (type) => `The stream of projection-versions.fixture.ts has no ${type} event: add one, so that how projections read it is held too.`,
    );
    expect(missing).toEqual([]);
    expect(Math.max(...events.map(({ revision }) => revision))).toBeGreaterThanOrEqual(99);
  });

  describe('the check', () => {
    const recorded: ProjectionVersions = {
      'plan-view': { version: 4, outputDigest: 'aaa' },
      'plan-list': { version: 2, outputDigest: 'bbb' },
    };

    it('asks for a new version when the output changed and the version did not', () => {
      const current = { ...recorded, 'plan-view': { version: 4, outputDigest: 'ccc' } };
      expect(versionProblems(recorded, current)).toEqual([
        'The output of projection plan-view changed, but its version is still 4: bump the version of projection plan-view ' +
          '(so that deployed read models are rebuilt), then record its new digest with `npm run projections:record-digests`.',
      ]);
      expect(unbumpedChanges(recorded, current)).toHaveLength(1);
    });

    it('asks for the new digest to be recorded when the version changed', () => {
      const current = { ...recorded, 'plan-view': { version: 5, outputDigest: 'ccc' } };
      expect(versionProblems(recorded, current)).toEqual([
        'Projection plan-view is at version 5, but version 4 is recorded: if its output was meant to change, ' +
          'record it with `npm run projections:record-digests`.',
      ]);
      expect(unbumpedChanges(recorded, current)).toEqual([]);
    });

    it('asks for a new projection to be recorded, and a removed one to be dropped from the record', () => {
      const current = { 'plan-view': recorded['plan-view'], changes: { version: 1, outputDigest: 'ddd' } };
      expect(versionProblems(recorded, current)).toEqual([
        'Projection changes has no recorded output digest: record it with `npm run projections:record-digests`.',
        'Projection plan-list is recorded but no longer registered: record it with `npm run projections:record-digests`.',
      ]);
    });

    it('finds nothing when output and version are as recorded', () => {
      expect(versionProblems(recorded, { ...recorded })).toEqual([]);
    });
  });
});
