import path from 'node:path';
import { z } from 'zod';

/**
 * The environment, parsed once at start. Nothing else reads `process.env`: code receives this
 * frozen object. An invalid value stops the process with every problem listed at once.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  KEMBAR_DATA_DIR: z.string().min(1).default('./data'),
  /** Uploaded files (agreement documents, evidence); by default <KEMBAR_DATA_DIR>/files. */
  KEMBAR_FILES_DIR: z.string().min(1).optional(),
  KEMBAR_UPLOAD_MAX_MB: z.coerce.number().positive().max(1024).default(20),
  /** Days an uploaded import file is kept in the file store; 0 keeps them forever. */
  KEMBAR_IMPORT_FILE_RETENTION_DAYS: z.coerce.number().int().min(0).max(36_500).default(90),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(?:ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  KEMBAR_SKIP_WEB_BUILD: z.enum(['0', '1', 'true', 'false']).default('0'),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  TRUST_PROXY: z.enum(['0', '1', 'true', 'false']).default('0'),
  KEMBAR_DEMO: z.enum(['0', '1', 'true', 'false']).default('1'),
});

export interface Config {
  readonly port: number;
  readonly host: string;
  /** Absolute path of the folder holding the embedded database, the lock file and uploads. */
  readonly dataDir: string;
  /** Absolute path of the folder uploaded files are stored in (never in the database). */
  readonly filesDir: string;
  /** Largest accepted upload, in bytes. */
  readonly uploadMaxBytes: number;
  /**
   * Days an uploaded import file stays in the file store before the retention policy deletes it
   * (the job keeps its name, size and sha256); null keeps them forever (set to 0).
   */
  readonly importFileRetentionDays: number | null;
  /** Set to use a PostgreSQL server instead of the embedded PGlite database. */
  readonly databaseUrl: string | undefined;
  readonly logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  readonly environment: z.infer<typeof envSchema>['NODE_ENV'];
  /** Serve whatever web build exists instead of rebuilding a stale one (CI, packaged installs). */
  readonly skipWebBuild: boolean;
  /** Where users reach the app; one-time links (invitations, resets, setup) point here. */
  readonly publicUrl: string;
  /** Behind a reverse proxy: believe X-Forwarded-For/-Proto (client IP for rate limits, https for Secure cookies). */
  readonly trustProxy: boolean;
  /**
   * Load the example data (and the published figures) on the first start of an EMPTY embedded
   * database, the quick start. Never on PostgreSQL or a database already in use. KEMBAR_DEMO=0 skips it.
   */
  readonly demoOnFirstStart: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses an environment (normally `process.env`); throws ConfigError listing every bad variable. */
export function parseConfig(env: Record<string, string | undefined>, cwd = process.cwd()): Config {
  const blankless = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(blankless);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const values = parsed.data;
  return Object.freeze({
    port: values.PORT,
    host: values.HOST,
    dataDir: path.resolve(cwd, values.KEMBAR_DATA_DIR),
    filesDir: path.resolve(cwd, values.KEMBAR_FILES_DIR ?? path.join(values.KEMBAR_DATA_DIR, 'files')),
    uploadMaxBytes: Math.round(values.KEMBAR_UPLOAD_MAX_MB * 1024 * 1024),
    importFileRetentionDays: values.KEMBAR_IMPORT_FILE_RETENTION_DAYS === 0 ? null : values.KEMBAR_IMPORT_FILE_RETENTION_DAYS,
    databaseUrl: values.DATABASE_URL,
    logLevel: values.LOG_LEVEL,
    environment: values.NODE_ENV,
    skipWebBuild: isTrue(values.KEMBAR_SKIP_WEB_BUILD),
    publicUrl: (values.PUBLIC_URL ?? `http://localhost:${values.PORT}`).replace(/\/$/, ''),
    trustProxy: isTrue(values.TRUST_PROXY),
    demoOnFirstStart: isTrue(values.KEMBAR_DEMO),
  });
}

function isTrue(flag: '0' | '1' | 'true' | 'false'): boolean {
  return flag === '1' || flag === 'true';
}
