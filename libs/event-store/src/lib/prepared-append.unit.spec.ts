import { AppendTooLargeError, InvalidAppendError } from './errors';
import { prepareAppend } from './prepared-append';

describe('preparing an append', () => {
  it('stores data and metadata as canonical JSON with sorted keys and assigns missing ids', () => {
    // given
    const events = [{ type: 'VariablesSet', data: { zone: 'SIP', amount: 3, applicant: { name: '王五' } }, metadata: { userId: 'u-1', at: 1 } }];
    // when
    const [prepared] = prepareAppend('case-1', events, 1024);
    // then
    expect(prepared.dataJson).toBe('{"amount":3,"applicant":{"name":"王五"},"zone":"SIP"}');
    expect(prepared.metadataJson).toBe('{"at":1,"userId":"u-1"}');
    expect(prepared.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(prepared.data).toEqual(events[0].data);
  });

  it('encodes metadata shared by the events of a batch once, giving each event its own copy', () => {
    // given
    const metadata = { actor: { id: 'lf-clerk' }, command: 'CompleteTask' };
    // when
    const [first, second] = prepareAppend('case-1', [{ type: 'TaskCompleted', data: {}, metadata }, { type: 'VariablesSet', data: {}, metadata }], 1024);
    // then
    expect(second.metadataJson).toBe('{"actor":{"id":"lf-clerk"},"command":"CompleteTask"}');
    expect(second.metadataJson).toBe(first.metadataJson);
    expect(second.metadata).toEqual(metadata);
    expect(second.metadata).not.toBe(first.metadata);
  });

  it('stores the text of data encoded ahead as is, without encoding the data again', () => {
    // given: data encoded in a worker thread (the api does this for big payloads)
    let encodings = 0;
    const data = { toJSON: () => (encodings++, { xml: '<definitions/>', key: 'permit' }) };
    const encoded = { dataJson: '{"key":"permit","xml":"<definitions/>"}', data: { key: 'permit', xml: '<definitions/>' } };
    // when
    const [prepared] = prepareAppend('definition-lf:permit', [{ type: 'DefinitionDeployed', data, encoded }], 1024);
    // then
    expect(prepared.dataJson).toBe(encoded.dataJson);
    expect(prepared.data).toBe(encoded.data);
    expect(encodings).toBe(0);
  });

  it.each([
    ['NaN', { amount: Number.NaN }],
    ['a function', { callback: () => 1 }],
    ['a bigint', { revision: 1n }],
  ])('refuses data holding %s', (_name, data) => {
    // when
    const preparing = () => prepareAppend('case-1', [{ type: 'VariablesSet', data }], 1024);
    // then
    expect(preparing).toThrow(InvalidAppendError);
  });

  it.each([
    ['an array', [1, 2]],
    ['a string', 'user u-1'],
  ])('refuses metadata that is %s', (_name, metadata) => {
    // when
    const preparing = () => prepareAppend('case-1', [{ type: 'VariablesSet', data: {}, metadata: metadata as unknown as Record<string, unknown> }], 1024);
    // then
    expect(preparing).toThrow(InvalidAppendError);
  });

  it('refuses one id twice in a batch', () => {
    // when
    const preparing = () => prepareAppend('case-1', [{ id: 'e-1', type: 'A', data: {} }, { id: 'e-1', type: 'B', data: {} }], 1024);
    // then
    expect(preparing).toThrow(/appears twice/);
  });

  it('refuses a batch over the size limit, naming its size and the limit', () => {
    // when
    const preparing = () => prepareAppend('case-1', [{ type: 'DocumentUploaded', data: { scan: 'x'.repeat(2000) } }], 1024);
    // then
    expect(preparing).toThrow(AppendTooLargeError);
    expect(preparing).toThrow(/over the limit of 1024/);
  });
});
