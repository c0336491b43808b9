const ZONE_PREFIXES: Record<string, string> = {
  linfen: 'lf',
  changzi: 'cz',
  yuanping: 'yp',
  anze: 'az',
  xiangyuan: 'xy',
  taigu: 'tg',
  shangdang: 'sd',
};
const ZONE_CODES = new Set(Object.values(ZONE_PREFIXES));

/** The zone of a flow file from its name's prefix (`linfen-123-closure.bpmn` → `lf`), or undefined. */
export function zoneOfFlowFile(fileName: string): string | undefined {
  const prefix = fileName.toLowerCase().split(/[-_.]/)[0] ?? '';
  return ZONE_PREFIXES[prefix] ?? (ZONE_CODES.has(prefix) ? prefix : undefined);
}
