import { ApiError } from '@banjie/api-core';
import express, { type NextFunction, type Request, type Response } from 'express';

/**
 * The limits a request body is held to before it becomes objects (docs/api.md "Limits"). The text
 * is read up to its size limit (413 once over it, without reading the rest), then scanned once,
 * character by character, for nesting depth, key count, numbers outside the doubles and the key
 * `__proto__` (each a 400 naming the limit); only a body within all of them is given to `JSON.parse`.
 */
export const BODY_LIMITS = {
  /** Bytes of a JSON body anywhere but `/api/definitions`. */
  bodyBytes: 1024 * 1024,
  /** Bytes of a body on `/api/definitions` (a BPMN model, as XML or inside JSON). */
  deployBodyBytes: 5 * 1024 * 1024,
  /** Objects and arrays inside each other. */
  depth: 64,
  /** Keys of all objects of a body together. */
  keys: 10_000,
  /** Names in the `variables` of one command. */
  variables: 1_000,
} as const;

const JSON_TYPES = ['application/json', 'application/*+json'];
const BPMN_TYPES = ['application/xml', 'text/xml', 'application/bpmn+xml'];
const DEPLOY_PATH = /^\/api\/definitions(\/|$)/;

/**
 * The body parsers of the api: JSON everywhere (held to {@link BODY_LIMITS}), BPMN XML as text on
 * `/api/definitions`.
 */
export function limitedBodyParsers(): Array<(req: Request, res: Response, next: NextFunction) => void> {
  const readJson = express.text({ type: JSON_TYPES, limit: BODY_LIMITS.bodyBytes, defaultCharset: 'utf-8' });
  const readDeployJson = express.text({ type: JSON_TYPES, limit: BODY_LIMITS.deployBodyBytes, defaultCharset: 'utf-8' });
  const readXml = express.text({ type: BPMN_TYPES, limit: BODY_LIMITS.deployBodyBytes });
  const deploy = (req: Request) => DEPLOY_PATH.test(req.path);
  const json = (req: Request, res: Response, next: NextFunction) => {
    const forDeploy = deploy(req);
    (forDeploy ? readDeployJson : readJson)(req, res, (error?: unknown) => {
      if (error) return next(tooLarge(error, forDeploy) ?? error);
      if (typeof req.body !== 'string') return next();
      try {
        req.body = parseLimitedJson(req.body);
        next();
      } catch (problem) {
        next(problem);
      }
    });
  };
  const xml = (req: Request, res: Response, next: NextFunction) => {
    if (!deploy(req) || req.body !== undefined) return next();
    readXml(req, res, (error?: unknown) => next(error ? (tooLarge(error, true) ?? error) : undefined));
  };
  return [json, xml];
}

function tooLarge(error: unknown, forDeploy: boolean): ApiError | undefined {
  if ((error as { type?: unknown }).type !== 'entity.too.large') return undefined;
  return new ApiError(
    'payload_too_large',
    forDeploy ? 'The request body is over the limit of 5 MiB for a BPMN model' : 'The request body is over the limit of 1 MiB (5 MiB only for a BPMN model on /api/definitions)',
  );
}

/** Parses a JSON body after checking it against the limits; throws a 400 `ApiError` naming the limit it breaks. */
export function parseLimitedJson(text: string): unknown {
  const problem = jsonLimitProblem(text);
  if (problem) throw ApiError.badRequest(problem);
  let value: unknown;
  try {
    value = text.trim() === '' ? {} : JSON.parse(text);
  } catch (error) {
    throw ApiError.badRequest(`The request body is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null) throw ApiError.badRequest('The request body must be a JSON object or array');
  const variables = (value as { variables?: unknown }).variables;
  if (typeof variables === 'object' && variables !== null && !Array.isArray(variables)) {
    const count = Object.keys(variables).length;
    if (count > BODY_LIMITS.variables) throw ApiError.badRequest(`Too many variables: ${count}, over the limit of ${BODY_LIMITS.variables} per command`);
  }
  return value;
}

/** The first limit the JSON text breaks, as a message, or undefined; one pass, no objects built. Syntax is left to `JSON.parse`. */
export function jsonLimitProblem(text: string): string | undefined {
  let depth = 0;
  let keys = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // a string: find its end, then whether a ':' makes it a key
      const start = i;
      let escaped = false;
      i++;
      while (i < n) {
        const s = text.charCodeAt(i);
        if (s === 0x5c) {
          escaped = true;
          i += 2;
          continue;
        }
        if (s === 0x22) break;
        i++;
      }
      const end = i;
      i++;
      let j = i;
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) === 0x3a) {
        keys++;
        if (keys > BODY_LIMITS.keys) return `The request body has more than ${BODY_LIMITS.keys} keys (the limit of keys per body)`;
        if (keyName(text.slice(start, end + 1), escaped) === '__proto__') return 'The key "__proto__" is not allowed in a request body';
      }
      continue;
    }
    if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > BODY_LIMITS.depth) return `The request body is nested deeper than ${BODY_LIMITS.depth} levels (the limit of nesting depth)`;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      const start = i;
      while (i < n && isNumberChar(text.charCodeAt(i))) i++;
      const token = text.slice(start, i);
      const value = Number(token);
      if (value === Infinity || value === -Infinity) return `The number ${token.length > 40 ? `${token.slice(0, 40)}…` : token} is out of range (numbers must fit a 64-bit double, at most ±1.8e308)`;
      continue;
    }
    i++;
  }
  return undefined;
}

function keyName(quoted: string, escaped: boolean): string {
  if (!escaped) return quoted.slice(1, -1);
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return quoted;
  }
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function isNumberChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x65 || c === 0x45 || c === 0x2b || c === 0x2d;
}
