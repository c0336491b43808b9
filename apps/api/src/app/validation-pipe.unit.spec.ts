import 'reflect-metadata';
import type { ApiError } from '@banjie/api-core';
import type { ArgumentMetadata } from '@nestjs/common';
import { IsObject, IsOptional, IsString } from 'class-validator';
import { validationPipe } from './validation-pipe';

/** The shape of `CompleteTaskDto` and `CompleteJobDto`. */
class VariablesOnly {
  @IsOptional()
  @IsObject()
  variables?: Record<string, unknown>;
}

class VariablesAndNote {
  @IsOptional()
  @IsObject()
  variables?: Record<string, unknown>;

  @IsOptional()
  @IsString()
  note?: string;
}

const body = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({ type: 'body', metatype, data: undefined });
const refusal = (value: unknown, metatype: ArgumentMetadata['metatype']) => validationPipe.transform(value, body(metatype)).then(
  () => 'accepted',
  (error: ApiError) => `${error.status} ${error.message}`,
);

describe('validationPipe on completion bodies', () => {
  it('passes a right {variables?} body as it came, with variables named like Object.prototype members', async () => {
    // given
    const value = JSON.parse('{"variables":{"toString":"kept","constructor":"c","nested":{"prototype":1}}}') as unknown;

    // when
    const result = await validationPipe.transform(value, body(VariablesOnly));

    // then the very object, untouched: no class-transformer copy, no clone
    expect(result).toBe(value);
    expect(result).toEqual({ variables: { toString: 'kept', constructor: 'c', nested: { prototype: 1 } } });
    expect(await validationPipe.transform({}, body(VariablesOnly))).toEqual({});
    expect(await validationPipe.transform({ variables: null }, body(VariablesOnly))).toEqual({ variables: null });
  });

  it('answers other bodies as the full pipe does, with the same 400s', async () => {
    // given bodies each DTO refuses
    const wrong: unknown[] = [{ variables: [1] }, { variables: 'x' }, { variables: 3 }, { extra: 1 }, { extra: 1, variables: {} }, [{ variables: {} }], { constructor: 1 }];

    // when
    const short = await Promise.all(wrong.map((value) => refusal(structuredClone(value), VariablesOnly)));
    const full = await Promise.all(wrong.map((value) => refusal(structuredClone(value), VariablesAndNote)));

    // then
    expect(short.slice(0, 5)).toEqual([
      '400 variables must be an object',
      '400 variables must be an object',
      '400 variables must be an object',
      '400 property extra should not exist',
      '400 property extra should not exist',
    ]);
    expect(short).toEqual(full);
  });

  it('keeps the full pipe for other DTOs, which get an instance of their class', async () => {
    // when
    const result = await validationPipe.transform({ variables: { toString: 'kept' }, note: 'n' }, body(VariablesAndNote));

    // then
    expect(result).toBeInstanceOf(VariablesAndNote);
    expect(result).toEqual(Object.assign(new VariablesAndNote(), { variables: { toString: 'kept' }, note: 'n' }));
  });
});
