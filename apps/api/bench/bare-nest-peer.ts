/**
 * The api bench's peer: a bare NestJS (express) application with the same route shape and JSON
 * body as a task completion, answering at once (no auth, validation, store or engine). Forked by
 * the bench, it prints `listening on <port>`; loaded under the same 50 clients in the same run,
 * it shows what HTTP and the framework alone allow on this machine.
 */
import 'reflect-metadata';
import { Body, Controller, HttpCode, Module, Param, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { fork } from 'node:child_process';
import type { AddressInfo } from 'node:net';

@Controller('api/tasks')
class BareTaskController {
  @Post(':id/complete')
  @HttpCode(200)
  complete(@Param('id') id: string, @Body() body: { variables?: Record<string, unknown> }): { id: string; variables: number } {
    return { id, variables: Object.keys(body.variables ?? {}).length };
  }
}

@Module({ controllers: [BareTaskController] })
class BareModule {}

async function serve(): Promise<void> {
  const app = await NestFactory.create(BareModule, { logger: false });
  await app.listen(0);
  process.stdout.write(`listening on ${(app.getHttpServer().address() as AddressInfo).port}\n`);
}

/** Forks the peer (with this process's loader flags) and resolves with its URL and a stop function. */
export function startBareNest(): Promise<{ url: string; stop: () => void }> {
  const child = fork(__filename, ['--serve'], { execArgv: process.execArgv, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  const stdout = child.stdout;
  if (!stdout) throw new Error('the bare Nest peer has no stdout pipe');
  return new Promise((done, fail) => {
    let output = '';
    stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const port = /listening on (\d+)/.exec(output)?.[1];
      if (port) done({ url: `http://localhost:${port}`, stop: () => child.kill() });
    });
    child.once('exit', (code) => fail(new Error(`bare Nest peer exited with ${code}: ${output}`)));
  });
}

if (process.argv.includes('--serve')) void serve();
