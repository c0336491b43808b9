/** How deep elements may nest in BPMN or DMN XML: far beyond any drawn model (each embedded sub-process adds one level). */
export const MAX_XML_DEPTH = 100;

/**
 * Whether elements in `xml` nest deeper than `limit`, read from the text before any parser builds
 * objects (a model of 100,000 nested elements took seconds and half a gigabyte to parse). A linear
 * scan that skips comments, CDATA, processing instructions and quoted attribute values; it does not
 * validate the XML (the parser does that afterwards).
 */
export function xmlNestsDeeperThan(xml: string, limit: number): boolean {
  let depth = 0;
  let at = xml.indexOf('<');
  while (at >= 0) {
    const next = xml.charCodeAt(at + 1);
    if (next === 0x2f /* / */) {
      depth--;
      at = xml.indexOf('>', at);
    } else if (next === 0x21 /* ! */) {
      at = xml.startsWith('<!--', at) ? xml.indexOf('-->', at) : xml.startsWith('<![CDATA[', at) ? xml.indexOf(']]>', at) : xml.indexOf('>', at);
    } else if (next === 0x3f /* ? */) {
      at = xml.indexOf('?>', at);
    } else {
      let end = at + 1;
      let quote = 0;
      for (; end < xml.length; end++) {
        const c = xml.charCodeAt(end);
        if (quote !== 0) {
          if (c === quote) quote = 0;
        } else if (c === 0x22 || c === 0x27) quote = c;
        else if (c === 0x3e /* > */) break;
      }
      if (end >= xml.length) return false;
      if (xml.charCodeAt(end - 1) !== 0x2f /* self-closing */ && ++depth > limit) return true;
      at = end;
    }
    if (at < 0) return false;
    at = xml.indexOf('<', at + 1);
  }
  return false;
}
