import type { ModelGraph } from './validate-model';

/**
 * For each inclusive gateway that joins, the elements of its scope from which a token can still
 * reach it (through flows, and from an activity through its boundary events). The join waits
 * only for tokens at these elements.
 */
export function inclusiveUpstream(graph: ModelGraph): Record<string, Record<string, true>> {
  const result: Record<string, Record<string, true>> = {};
  for (const gateway of Object.values(graph.elements)) {
    if (gateway.kind !== 'inclusiveGateway' || gateway.incoming.length < 2) continue;
    const seen: Record<string, true> = {};
    const queue = [gateway.id];
    while (queue.length > 0) {
      const current = graph.elements[queue.pop() as string];
      for (const flowId of current.incoming) {
        const source = graph.elements[graph.flows[flowId]?.sourceRef ?? ''];
        if (!source || seen[source.id]) continue;
        seen[source.id] = true;
        queue.push(source.id);
        if (source.kind === 'boundaryEvent' && source.attachedTo && !seen[source.attachedTo]) {
          seen[source.attachedTo] = true;
          queue.push(source.attachedTo);
        }
      }
    }
    result[gateway.id] = seen;
  }
  return result;
}
