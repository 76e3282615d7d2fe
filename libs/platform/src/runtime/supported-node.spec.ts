import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUPPORTED_NODE, unsupportedNodeMessage } from './supported-node';

describe('the Node versions the service runs on', () => {
  it('are the ones package.json states in engines', () => {
    const { engines } = JSON.parse(readFileSync(join(__dirname, '../../../../package.json'), 'utf8')) as { engines: { node: string } };
    expect(engines.node).toBe(SUPPORTED_NODE);
  });

  it.each(['20.19.0', '20.20.2', '22.12.0', '24.0.0', '26.1.0'])('include %s', (version) => {
    expect(unsupportedNodeMessage(version)).toBeNull();
  });

  it.each(['18.20.4', '20.12.0', '20.18.3', '21.7.3', '22.11.0', '23.6.0'])('refuse %s in a sentence saying what to do', (version) => {
    expect(unsupportedNodeMessage(version)).toBe(
      `This service needs Node 20.19 or later (20.19+, 22.12+ or 24+), but this is Node ${version}: ` +
        'install a newer Node (for example `nvm install 22`) and run it again.',
    );
  });
});
