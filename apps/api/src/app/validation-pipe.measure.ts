/**
 * What validating a completion body costs the api's main thread (issue 17): the global
 * `validationPipe`'s full path (class-transformer + class-validator + the structuredClone of
 * free-JSON fields, here on a DTO with one more optional field, which the short path leaves
 * alone), its short path for `{variables?}` DTOs, and a hand-written check, on the same bodies. CPU
 * microseconds per call of this thread, median of `ROUNDS` rounds of `CALLS` calls. A measurement
 * for docs/benchmarks.md, not a test:
 * `npx tsx --tsconfig apps/api/tsconfig.app.json apps/api/src/app/validation-pipe.measure.ts`.
 */
import 'reflect-metadata';
import { ApiError } from '@banjie/api-core';
import type { ArgumentMetadata } from '@nestjs/common';
import { IsObject, IsOptional, IsString } from 'class-validator';
import { validationPipe } from './validation-pipe';

/** The same DTO as `CompleteTaskDto` / `CompleteJobDto` (libs/api/workflow), without swagger's decorators. */
class CompletionBody {
  @IsOptional()
  @IsObject()
  variables?: Record<string, unknown>;
}

/** The same body through the pipe's full path: a DTO that is not `{variables?}` alone. */
class CompletionBodyWithNote {
  @IsOptional()
  @IsObject()
  variables?: Record<string, unknown>;

  @IsOptional()
  @IsString()
  note?: string;
}

const ROUNDS = 9;
const CALLS = 5_000;
const METADATA: ArgumentMetadata = { type: 'body', metatype: CompletionBody, data: undefined };
const FULL_PATH: ArgumentMetadata = { type: 'body', metatype: CompletionBodyWithNote, data: undefined };

/** The hand-written check: the same 400s as the pipe (unknown field, variables not an object). */
function checkCompletionBody(value: unknown): { variables?: Record<string, unknown> } {
  const body = value as Record<string, unknown>;
  const details: { field: string; message: string }[] = [];
  for (const key of Object.keys(body)) if (key !== 'variables') details.push({ field: key, message: `property ${key} should not exist` });
  const variables = body['variables'];
  if (variables !== undefined && (typeof variables !== 'object' || variables === null || Array.isArray(variables))) details.push({ field: 'variables', message: 'variables must be an object' });
  if (details.length > 0) throw ApiError.badRequest(details.map((d) => d.message).join('; '), details);
  return variables === undefined ? {} : { variables: variables as Record<string, unknown> };
}

/** Variables like the api bench's window check (the Linfen form filled), and a bigger form. */
const SMALL = { applicantName: '晋南新材料', investment: 1200, complete: true, tier: '2', materials: ['license'], remark: 'x' };
const LARGE = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`field${i}`, i % 3 === 0 ? `值 ${i}` : i % 3 === 1 ? i : { nested: [i, `n${i}`], ok: true }]));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** CPU µs per call of `CALLS` calls (each on a fresh parse of the body, as express hands it over). */
async function perCall(text: string, validate: (value: unknown) => unknown): Promise<number> {
  const bodies = Array.from({ length: CALLS }, () => JSON.parse(text) as unknown);
  const start = process.cpuUsage();
  for (const body of bodies) await validate(body);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / CALLS;
}

async function main(): Promise<void> {
  const pipe = (value: unknown) => validationPipe.transform(value, METADATA);
  const fullPipe = (value: unknown) => validationPipe.transform(value, FULL_PATH);
  // Both give the same answer on good bodies; on a bad one, the same message.
  for (const bad of [{ variables: [1] }, { variables: 'x' }, { extra: 1, variables: {} }]) {
    const [a, b] = await Promise.all([pipe(bad).catch((e: ApiError) => e.message), Promise.resolve().then(() => checkCompletionBody(bad)).catch((e: ApiError) => e.message)]);
    console.log(`${JSON.stringify(bad)}: pipe "${String(a)}" · hand-written "${String(b)}"`);
  }
  for (const [name, variables] of [['6 variables (the bench body)', SMALL], ['40 variables, some nested', LARGE]] as const) {
    const text = JSON.stringify({ variables });
    const figures = { full: [] as number[], pipe: [] as number[], hand: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      figures.full.push(await perCall(text, fullPipe));
      figures.pipe.push(await perCall(text, pipe));
      figures.hand.push(await perCall(text, checkCompletionBody));
    }
    console.log(`${name}: validationPipe full path ${median(figures.full).toFixed(1)} µs/call, its {variables?} short path ${median(figures.pipe).toFixed(2)} µs/call, hand-written ${median(figures.hand).toFixed(2)} µs/call (CPU, median of ${ROUNDS} × ${CALLS})`);
  }
}

void main();
