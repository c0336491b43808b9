import type { Logger } from '@nestjs/common';
import type { DefinitionRegistry } from '@banjie/api-core';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zoneOfFlowFile } from './zone-of-flow-file';

/** What deploying the flow folder did, file by file. */
export interface FlowDeployment {
  file: string;
  zoneId?: string;
  outcome: 'deployed' | 'unchanged' | 'skipped' | 'failed';
  key?: string;
  version?: number;
  message?: string;
}

/**
 * Deploys every `<zone>-*.bpmn` of the flow folder to its zone, with the forms of `forms/` it
 * references. Unchanged files keep their version; a file that does not compile is reported, not fatal.
 */
export async function deployZoneFlows(bpmnDir: string, definitions: DefinitionRegistry, logger: Logger): Promise<FlowDeployment[]> {
  if (!existsSync(bpmnDir)) return [];
  const forms = readForms(join(bpmnDir, 'forms'));
  const results: FlowDeployment[] = [];
  for (const file of readdirSync(bpmnDir).filter((f) => f.endsWith('.bpmn')).sort()) {
    const zoneId = zoneOfFlowFile(file);
    if (!zoneId) {
      results.push({ file, outcome: 'skipped', message: 'the file name does not start with a zone (linfen-, changzi-, …)' });
      continue;
    }
    const xml = readFileSync(join(bpmnDir, file), 'utf8');
    const referenced = Object.fromEntries(Object.entries(forms).filter(([id]) => xml.includes(`"${id}"`)));
    try {
      const { created, definition } = await definitions.deploy(xml, referenced, zoneId);
      results.push({ file, zoneId, outcome: created ? 'deployed' : 'unchanged', key: definition.key, version: definition.version });
    } catch (error) {
      const details = (error as { details?: { elementId?: string; message: string }[] }).details ?? [];
      const message = [String((error as Error).message), ...details.map((d) => `${d.elementId ?? ''} ${d.message}`.trim())].join('; ');
      results.push({ file, zoneId, outcome: 'failed', message });
    }
  }
  for (const r of results) {
    const line = `Flow ${r.file}: ${r.outcome}${r.key ? ` ${r.key} v${r.version} (${r.zoneId})` : ''}${r.message ? ` — ${r.message}` : ''}`;
    if (r.outcome === 'failed') logger.warn(line);
    else logger.log(line);
  }
  return results;
}

function readForms(formsDir: string): Record<string, unknown> {
  if (!existsSync(formsDir)) return {};
  const forms: Record<string, unknown> = {};
  for (const file of readdirSync(formsDir).filter((f) => f.endsWith('.form'))) {
    const text = readFileSync(join(formsDir, file), 'utf8');
    try {
      const schema = JSON.parse(text) as { id?: string };
      forms[schema.id ?? file.replace(/\.form$/, '')] = schema;
      forms[file.replace(/\.form$/, '')] ??= schema;
    } catch {
      // A form that is not JSON cannot be checked; deploy its flows without it.
    }
  }
  return forms;
}
