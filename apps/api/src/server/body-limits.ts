import { ApiError } from '@banjie/api-core';
import express, { type NextFunction, type Request, type Response } from 'express';
import { BODY_LIMITS, readLimitedJson, type JsonBodyReading } from './json-limits';

export { BODY_LIMITS, jsonLimitProblem } from './json-limits';

/**
 * Bodies longer than this (characters) are checked and parsed in the compile pool's worker when
 * there is one: a model of megabytes then never stalls `/api/health` while it parses, and a
 * command of a few KiB stays on the event loop, without a thread hop.
 */
export const OFF_THREAD_BODY_CHARS = 256 * 1024;

/** Reads big JSON bodies off the event loop, with the same limits ({@link readLimitedJson}). */
export interface OffThreadJsonReader {
  readJson(text: string): Promise<JsonBodyReading>;
}

const JSON_TYPES = ['application/json', 'application/*+json'];
const BPMN_TYPES = ['application/xml', 'text/xml', 'application/bpmn+xml'];
const DEPLOY_PATH = /^\/api\/definitions(\/|$)/;

/**
 * The body parsers of the api: JSON everywhere (held to {@link BODY_LIMITS}; the text is scanned,
 * then parsed, and a body over {@link OFF_THREAD_BODY_CHARS} is given to `offThread` for both when
 * there is one), BPMN XML as text on `/api/definitions`.
 */
export function limitedBodyParsers(offThread?: OffThreadJsonReader): Array<(req: Request, res: Response, next: NextFunction) => void> {
  const readJson = express.text({ type: JSON_TYPES, limit: BODY_LIMITS.bodyBytes, defaultCharset: 'utf-8' });
  const readDeployJson = express.text({ type: JSON_TYPES, limit: BODY_LIMITS.deployBodyBytes, defaultCharset: 'utf-8' });
  const readXml = express.text({ type: BPMN_TYPES, limit: BODY_LIMITS.deployBodyBytes });
  const deploy = (req: Request) => DEPLOY_PATH.test(req.path);
  const json = (req: Request, res: Response, next: NextFunction) => {
    const forDeploy = deploy(req);
    (forDeploy ? readDeployJson : readJson)(req, res, (error?: unknown) => {
      if (error) return next(tooLarge(error, forDeploy) ?? error);
      if (typeof req.body !== 'string') return next();
      if (offThread && req.body.length > OFF_THREAD_BODY_CHARS) {
        offThread.readJson(req.body).then((reading) => {
          req.body = reading.ok ? reading.value : undefined;
          next(reading.ok ? undefined : ApiError.badRequest(reading.message));
        }, next);
        return;
      }
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
export function parseLimitedJson(text: string): object {
  const reading = readLimitedJson(text);
  if (!reading.ok) throw ApiError.badRequest(reading.message);
  return reading.value;
}
