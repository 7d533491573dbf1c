import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@jiebang/service-kit';
import { DEFAULT_WEIGHTS } from '../engine/weights';
import { createEngine, deploymentWeights } from './engine.provider';
import type { MatchingConfig } from '../config';

/** The problems a configuration error lists, or the error itself when it is of another kind. */
function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  throw new Error('no error thrown');
}

describe('the engine’s files are configuration', () => {
  let dir: string;
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'engine-provider-'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('takes the deployment’s weights over the defaults', () => {
    expect(deploymentWeights({ MATCHING_WEIGHTS_FILE: undefined })).toEqual(DEFAULT_WEIGHTS);
    expect(deploymentWeights({ MATCHING_WEIGHTS_FILE: file('ok.json', '{"text": 0.5}') })).toEqual({ ...DEFAULT_WEIGHTS, text: 0.5 });
  });

  it('stops the boot on a bad weight with a configuration error naming the variable and the weight', () => {
    const weights = file('bad.json', '{"text": 20, "colour": 1}');
    const problems = problemsOf(() => deploymentWeights({ MATCHING_WEIGHTS_FILE: weights }));
    expect(problems).toEqual([
      expect.stringMatching(/^MATCHING_WEIGHTS_FILE: text: .+ \(in .+bad\.json\)$/),
      expect.stringMatching(/^MATCHING_WEIGHTS_FILE: \(file\): .+"colour".* \(in .+bad\.json\)$/),
    ]);
  });

  it('says which file is missing or not JSON', () => {
    expect(problemsOf(() => deploymentWeights({ MATCHING_WEIGHTS_FILE: join(dir, 'absent.json') }))).toEqual([
      `MATCHING_WEIGHTS_FILE: file not found: ${join(dir, 'absent.json')}`,
    ]);
    expect(problemsOf(() => deploymentWeights({ MATCHING_WEIGHTS_FILE: file('broken.json', '{"text": ') }))[0]).toMatch(
      /^MATCHING_WEIGHTS_FILE: .+broken\.json is not valid JSON/,
    );
    const config = { MATCHING_DICTIONARY_FILE: join(dir, 'absent.txt'), MATCHING_THESAURUS_FILE: file('t.json', '{"entries": []}') } as MatchingConfig;
    expect(problemsOf(() => createEngine(config))).toEqual([`MATCHING_DICTIONARY_FILE: file not found: ${join(dir, 'absent.txt')}`]);
  });
});
