import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EnrolAnswer } from '../../../shared/sync/fleet';
import { tempDir } from '../testing/fixtures';
import { configFromEnrolment, ProvisionError, writeConfigFile } from './provision';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

const ANSWER: EnrolAnswer = {
  kioskId: 'kiosk-7',
  label: 'Entrance left',
  token: 'a-pillar-token-0123456789',
  store: { id: 'se-sto-drottninggatan', name: 'Stockholm Drottninggatan', locale: 'sv-SE', currency: 'SEK', timeZone: 'Europe/Stockholm', defaultLanguage: 'sv', languages: ['sv', 'en'] },
  branding: { name: 'NORRVIK', accent: '#1f4d3a' },
  hq: { url: 'https://hq.example.com' },
};

const problemOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof ProvisionError) return error.problem;
    throw error;
  }
  return 'none';
};

describe("the pillar's configuration from HQ's enrolment answer", () => {
  it('maps field for field onto the configuration file', () => {
    expect(configFromEnrolment(ANSWER)).toMatchObject({
      store: { id: 'se-sto-drottninggatan', name: 'Stockholm Drottninggatan' },
      hq: { url: 'https://hq.example.com', token: 'a-pillar-token-0123456789' },
      locale: 'sv-SE',
      currency: 'SEK',
      timeZone: 'Europe/Stockholm',
      defaultLanguage: 'sv',
      languages: ['sv', 'en'],
      branding: { name: 'NORRVIK', accent: '#1f4d3a' },
    });
  });

  it('refuses an answer the kiosk would not load (an accent white text cannot be read on, an unknown time zone)', () => {
    expect(problemOf(() => configFromEnrolment({ ...ANSWER, branding: { name: 'NORRVIK', accent: '#f0e68c' } }))).toBe('bad-answer');
    expect(problemOf(() => configFromEnrolment({ ...ANSWER, store: { ...ANSWER.store, timeZone: 'Mars/Olympus' } }))).toBe('bad-answer');
  });

  it('is written readable by its user only, in one piece, and an existing file is kept without force', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const file = path.join(dir, 'pillar.config.json');
    writeConfigFile(file, configFromEnrolment(ANSWER), { force: false });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ store: { id: 'se-sto-drottninggatan' } });
    expect(problemOf(() => writeConfigFile(file, configFromEnrolment({ ...ANSWER, token: 'another-token-0123456789' }), { force: false }))).toBe('config-exists');
    writeConfigFile(file, configFromEnrolment({ ...ANSWER, token: 'another-token-0123456789' }), { force: true });
    expect(readFileSync(file, 'utf8')).toContain('another-token-0123456789');
    expect(readdirSync(dir)).toEqual(['pillar.config.json']);
  });

  it('says it cannot write where the folder cannot be written, leaving nothing behind', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    // A folder where the configuration file should be: the rename fails.
    const blocked = path.join(dir, 'blocked');
    mkdirSync(blocked);
    const file = path.join(blocked, 'pillar.config.json');
    mkdirSync(file);
    expect(problemOf(() => writeConfigFile(file, configFromEnrolment(ANSWER), { force: true }))).toBe('cannot-write');
    expect(readdirSync(blocked)).toEqual(['pillar.config.json']);
  });
});
