import path from 'node:path';
import { z } from 'zod';

const Bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  DATABASE_READ_URL: z.string().optional(),
  NODE_ENV: z.string().default('development'),
  DEMO_MODE: Bool.optional(),
  SECRET_KEY: z.string().min(32).optional(),
  /** Keys retired by a rotation, comma-separated: still read, never used to encrypt. */
  SECRET_KEY_PREVIOUS: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((k) => k.trim())
        .filter((k) => k.length > 0),
    )
    .refine(
      (keys) => keys.every((k) => k.length >= 32),
      'mỗi khóa cũ cần ít nhất 32 ký tự (each key ≥ 32 characters)',
    ),
  MFA_ENFORCED: Bool.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  TRUST_PROXY: Bool.default(false),
  WEB_DIST: z.string().optional(),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  isProduction: boolean;
  /** Demo mode: loads demo users with a known password and does not enforce 2FA. */
  demoMode: boolean;
  /** Key for encrypting secrets at rest; generated into DATA_DIR in demo mode when not set. */
  secretKey: string | undefined;
  /** Previous keys (`SECRET_KEY_PREVIOUS`), kept to read data sealed before a rotation. */
  secretKeyPrevious: string[];
  /** Whether roles with sensitive permissions must use 2FA. */
  mfaEnforced: boolean;
  logLevel: string;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  loginRateLimitPerMinute: number;
  trustProxy: boolean;
  webDist: string;
};

/** Reads the configuration from environment variables (documented in the README). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Cấu hình không hợp lệ / invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === 'production';
  const demoMode = e.DEMO_MODE ?? !isProduction;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    isProduction,
    demoMode,
    secretKey: e.SECRET_KEY,
    secretKeyPrevious: e.SECRET_KEY_PREVIOUS,
    mfaEnforced: e.MFA_ENFORCED ?? !demoMode,
    logLevel: e.LOG_LEVEL,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    trustProxy: e.TRUST_PROXY,
    webDist: path.resolve(e.WEB_DIST ?? path.join(import.meta.dirname, '../../../web/dist')),
  };
}
