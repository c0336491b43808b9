import express, { type NextFunction, type Request, type Response } from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { readJsonBody } from '../workers/compile-worker';
import { OFF_THREAD_BODY_CHARS, limitedBodyParsers, type OffThreadJsonReader } from './body-limits';

/** An app with the api's body parsers that answers with the body it was given, or the error's status and message. */
async function echoApp(reader: OffThreadJsonReader): Promise<{ url: string; server: Server }> {
  const app = express();
  for (const parser of limitedBodyParsers(reader)) app.use(parser);
  app.post('/api/definitions', (req: Request, res: Response) => res.json(req.body));
  app.post('/api/cases', (req: Request, res: Response) => res.json(req.body));
  // Express tells an error handler by its four parameters, so the unused `next` stays.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  app.use((error: { status?: number; message: string }, _req: Request, res: Response, _next: NextFunction) => res.status(error.status ?? 500).json({ message: error.message }));
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, () => resolve(listening));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** The worker's task run in this thread, as piscina would call it. */
function workerReader(): OffThreadJsonReader & { readJson: jest.Mock } {
  return { readJson: jest.fn(async (text: string) => readJsonBody(text)) };
}

describe('reading JSON bodies', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it('reads a deploy body over 256 KiB in the worker task, giving the handler the same value', async () => {
    // given
    const reader = workerReader();
    const app = await echoApp(reader);
    server = app.server;
    const body = { xml: `<bpmn:definitions>${'<bpmn:userTask id="Task_1" name="审查 review" />'.repeat(8_000)}</bpmn:definitions>`, forms: { review: { components: [] } } };
    const text = JSON.stringify(body);
    expect(text.length).toBeGreaterThan(OFF_THREAD_BODY_CHARS);
    // when
    const answer = await fetch(`${app.url}/api/definitions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: text });
    // then
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual(body);
    expect(reader.readJson).toHaveBeenCalledTimes(1);
    expect(reader.readJson).toHaveBeenCalledWith(text);
  });

  it('refuses a big body that breaks a limit with the 400 of the event loop, read in the worker task', async () => {
    // given
    const reader = workerReader();
    const app = await echoApp(reader);
    server = app.server;
    const text = `{"xml":"${'x'.repeat(OFF_THREAD_BODY_CHARS)}","forms":{"__proto__":{"admin":true}}}`;
    // when
    const answer = await fetch(`${app.url}/api/definitions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: text });
    // then
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({ message: 'The key "__proto__" is not allowed in a request body' });
    expect(reader.readJson).toHaveBeenCalledTimes(1);
  });

  it('reads a 2 KiB task completion on the event loop, without the worker', async () => {
    // given
    const reader = workerReader();
    const app = await echoApp(reader);
    server = app.server;
    const body = { variables: { approved: true, note: '材料齐全 complete '.repeat(100) } };
    // when
    const answer = await fetch(`${app.url}/api/cases`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    // then
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual(body);
    expect(reader.readJson).not.toHaveBeenCalled();
  });
});
