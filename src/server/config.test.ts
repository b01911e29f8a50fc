import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.ts';

describe(parseConfig.name, () => {
  it('defaults to port 3000 and an embedded database in ./data', () => {
    const config = parseConfig({}, '/srv/kembar');
    expect(config).toMatchObject({ port: 3000, dataDir: path.resolve('/srv/kembar/data'), databaseUrl: undefined });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads PORT, KEMBAR_DATA_DIR and DATABASE_URL', () => {
    const config = parseConfig({ PORT: '8080', KEMBAR_DATA_DIR: '/var/lib/kembar', DATABASE_URL: 'postgres://u@db/kembar' });
    expect(config).toMatchObject({ port: 8080, dataDir: '/var/lib/kembar', databaseUrl: 'postgres://u@db/kembar' });
  });

  it('treats empty variables as unset', () => {
    expect(parseConfig({ PORT: '', DATABASE_URL: '' }).port).toBe(3000);
  });

  it('lists every invalid variable at once', () => {
    try {
      parseConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/^PORT:/m);
      expect(problems).toMatch(/^DATABASE_URL: must start with postgres/m);
      expect(problems).toMatch(/^LOG_LEVEL:/m);
    }
  });
});

describe('the quick-start demo switch', () => {
  it('loads the demo on a first embedded start unless KEMBAR_DEMO=0', () => {
    expect(parseConfig({}).demoOnFirstStart).toBe(true);
    expect(parseConfig({ KEMBAR_DEMO: '0' }).demoOnFirstStart).toBe(false);
    expect(parseConfig({ KEMBAR_DEMO: 'false' }).demoOnFirstStart).toBe(false);
    expect(() => parseConfig({ KEMBAR_DEMO: 'maybe' })).toThrow(/KEMBAR_DEMO/);
  });
});

describe('the file store settings', () => {
  it('keeps uploads in <data>/files with a 20 MB limit unless KEMBAR_FILES_DIR and KEMBAR_UPLOAD_MAX_MB say otherwise', () => {
    expect(parseConfig({ KEMBAR_DATA_DIR: '/var/lib/kembar' })).toMatchObject({ filesDir: '/var/lib/kembar/files', uploadMaxBytes: 20 * 1024 * 1024 });
    expect(parseConfig({ KEMBAR_FILES_DIR: '/mnt/berkas', KEMBAR_UPLOAD_MAX_MB: '5' })).toMatchObject({ filesDir: '/mnt/berkas', uploadMaxBytes: 5 * 1024 * 1024 });
    expect(() => parseConfig({ KEMBAR_UPLOAD_MAX_MB: '0' })).toThrow(/KEMBAR_UPLOAD_MAX_MB/);
  });
});
