/**
 * The api bench's peers: a bare NestJS application with the same route shape and JSON body as a
 * task completion, answering at once (no auth, validation, store or engine), served by express
 * (`@nestjs/platform-express`, what the api runs on) or by fastify (`@nestjs/platform-fastify`).
 * Forked by the bench, each prints `listening on <port>`; loaded under the same 50 clients in the
 * same run, they show what HTTP and the framework alone allow on this machine, and what fastify
 * would change at most (issue 17).
 */
import 'reflect-metadata';
import { Body, Controller, HttpCode, Module, Param, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { fork } from 'node:child_process';
import type { AddressInfo } from 'node:net';

export type PeerAdapter = 'express' | 'fastify';

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

async function serve(adapter: PeerAdapter): Promise<void> {
  // Both listen on every address, as the api does, so `localhost` reaches them alike.
  const app = adapter === 'fastify' ? await NestFactory.create(BareModule, new FastifyAdapter(), { logger: false }) : await NestFactory.create(BareModule, { logger: false });
  await app.listen(0, '::');
  process.stdout.write(`listening on ${(app.getHttpServer().address() as AddressInfo).port}\n`);
}

/** Forks a peer (with this process's loader flags) and resolves with its URL, pid and a stop function. */
export function startBareNest(adapter: PeerAdapter = 'express'): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const child = fork(__filename, ['--serve', adapter], { execArgv: process.execArgv, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  const stdout = child.stdout;
  if (!stdout) throw new Error('the bare Nest peer has no stdout pipe');
  return new Promise((done, fail) => {
    let output = '';
    stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const port = /listening on (\d+)/.exec(output)?.[1];
      if (!port) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      done({ url: `http://localhost:${port}`, pid: child.pid ?? 0, stop: () => (child.kill(), exited) });
    });
    child.once('exit', (code) => fail(new Error(`bare Nest peer (${adapter}) exited with ${code}: ${output}`)));
  });
}

const serving = process.argv.indexOf('--serve');
if (serving >= 0) void serve(process.argv[serving + 1] === 'fastify' ? 'fastify' : 'express');
