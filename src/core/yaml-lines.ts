import type * as YamlModule from 'yaml';
import type { Document, LineCounter, Node } from 'yaml';

/**
 * Line (1-based) of the node at `segments` of a YAML (or JSON) document parsed with a LineCounter, or of its
 * nearest ancestor that exists; with `key`, the line of that key in the map at `segments`. The yaml module is
 * passed in: the profile loader loads it only when a file is read.
 */
export function lineOf(
  Y: Pick<typeof YamlModule, 'isMap' | 'isScalar'>,
  doc: Document,
  lc: LineCounter,
  segments: readonly string[],
  key?: string,
): number {
  const keyLine = (node: Node, name: string | undefined): number | undefined => {
    if (name === undefined || !Y.isMap(node)) return undefined;
    const pair = node.items.find((p) => Y.isScalar(p.key) && String(p.key.value) === name);
    const range = (pair?.key as Node | undefined)?.range;
    return range ? lc.linePos(range[0]).line : undefined;
  };
  for (let n = segments.length; n >= 0; n--) {
    const node = (n === 0 ? doc.contents : doc.getIn(segments.slice(0, n), true)) as Node | null | undefined;
    if (!node) continue;
    if (n === segments.length) {
      const line = keyLine(node, key);
      if (line !== undefined) return line;
    }
    // The value may be null (`Garage Nord:` with nothing under it): point at its key.
    if (n < segments.length) {
      const line = keyLine(node, segments[n]);
      if (line !== undefined) return line;
    }
    if (node.range) return lc.linePos(node.range[0]).line;
  }
  return 1;
}
