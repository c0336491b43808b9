/**
 * Reading the compose files of docker/ the way `docker compose config` does, far enough to check
 * them without Docker: YAML with anchors and merge keys, then `${VAR}`, `${VAR:-default}` and
 * `${VAR:?message}` interpolation from an environment.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

export const DOCKER_DIR = resolve(__dirname, '../../docker');

/** A compose-file interpolation that cannot be done: a required variable is unset. */
export class InterpolationError extends Error {
  override readonly name = 'InterpolationError';
}

/** Replaces `${NAME}`, `${NAME:-default}`, `${NAME-default}`, `${NAME:?message}` and `$$` as Compose does. */
export function interpolate(text: string, env: Readonly<Record<string, string | undefined>>): string {
  return text.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}/g, (match, name: string | undefined, operator: string | undefined, argument: string | undefined) => {
    if (match === '$$') return '$';
    const value = env[name ?? ''];
    const unset = value === undefined || (operator?.startsWith(':') === true && value === '');
    if (operator?.endsWith('?') && unset) throw new InterpolationError(`required variable ${name} is missing a value: ${argument}`);
    if (operator?.endsWith('-') && unset) return argument ?? '';
    return value ?? '';
  });
}

/** A compose file of docker/, interpolated with `env` and parsed (merge keys resolved). */
export function loadComposeFile(name: string, env: Readonly<Record<string, string | undefined>>): Record<string, unknown> {
  const text = readFileSync(resolve(DOCKER_DIR, name), 'utf8');
  // interpolate values only, not comments (Compose ignores `${…}` in comments)
  const withoutComments = text.replace(/(^|\s)#.*$/gm, '$1');
  return parse(interpolate(withoutComments, env), { merge: true }) as Record<string, unknown>;
}

/** The text of a file of docker/. */
export function dockerFile(name: string): string {
  return readFileSync(resolve(DOCKER_DIR, name), 'utf8');
}
