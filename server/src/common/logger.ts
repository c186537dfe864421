import pino, { DestinationStream, Logger } from 'pino';

export type { Logger };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * What an error may say in the log: never its SQL parameters (password hashes, tax codes), its
 * driver's detail ("Key (tax_code)=(…) already exists") or anything else a library hung on it.
 */
export function errorForLog(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  const cause = (error as { driverError?: unknown }).driverError ?? error.cause;
  return {
    type: error.name,
    message: error.message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof constraint === 'string' ? { constraint } : {}),
    stack: error.stack,
    ...(cause instanceof Error && cause !== error ? { cause: errorForLog(cause) } : {}),
  };
}

/**
 * A second line of defence behind logging only chosen fields: whatever carries a secret or a
 * person's tax code is censored wherever it turns up in an object handed to the logger.
 */
const REDACT = [
  'password',
  '*.password',
  'token',
  '*.token',
  'accessToken',
  '*.accessToken',
  'authorization',
  '*.authorization',
  '*.headers.authorization',
  '*.headers.cookie',
  '*.headers["set-cookie"]',
  'cookie',
  '*.cookie',
  'taxCode',
  '*.taxCode',
  'variables',
  '*.variables',
];

/**
 * The process's logger: one JSON line per event on stdout (or `destination`), or readable lines
 * through pino-pretty when asked for and installed.
 */
export function createLogger({ level, pretty = false }: { level: LogLevel; pretty?: boolean }, destination?: DestinationStream): Logger {
  const options = { level, redact: { paths: REDACT, censor: '[redacted]' }, serializers: { err: errorForLog }, base: { pid: process.pid } };
  if (pretty && !destination && prettyInstalled()) {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid' } } });
  }
  // Lines leave through an asynchronous stream (flushed when the process exits): under load, lines
  // written while one write is under way go out together, and the request never waits on stdout.
  return pino(options, destination ?? pino.destination({ dest: 1, sync: false }));
}

/** pino-pretty is a development dependency: a production install has none, and logs JSON. */
function prettyInstalled(): boolean {
  try {
    require.resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}
