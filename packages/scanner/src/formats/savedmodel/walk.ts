import type { AttrValue, FunctionDef, GraphDef, NodeDef } from './proto.js';
import { decodeGraphDef } from './proto.js';

/** A list of nodes that share one namespace for inputs: a graph, or one function body. */
export interface NodeScope {
  where: string;
  nodes: NodeDef[];
}

const MAX_EMBEDDED_DEPTH = 4;

/** Strings held in an attribute (s, list.s, tensor string values), where a serialised graph can hide. */
function attrStrings(value: AttrValue): Uint8Array[] {
  const out: Uint8Array[] = [];
  if (value.s !== undefined) out.push(value.s);
  out.push(...(value.list?.s ?? []));
  for (const t of [value.tensor, ...(value.list?.tensor ?? [])]) out.push(...(t?.stringVal ?? []));
  return out;
}

/** A serialised GraphDef with at least one well-named node, or undefined. */
function embeddedGraph(bytes: Uint8Array): GraphDef | undefined {
  if (bytes.length < 4 || bytes[0] !== 0x0a) return undefined;
  try {
    const g = decodeGraphDef(bytes);
    const named = (g.node ?? []).length > 0 && (g.node ?? []).every((n) => /^[A-Za-z_][\w>]*$/.test(n.op ?? ''));
    return named ? g : undefined;
  } catch {
    return undefined;
  }
}

/** Every node scope of a graph: its nodes, each library function, and graphs serialised inside attributes. */
export function graphScopes(graph: GraphDef, where: string, depth = 0): { scopes: NodeScope[]; functions: Set<string>; embedded: number } {
  const scopes: NodeScope[] = [{ where, nodes: graph.node ?? [] }];
  const functions = new Set<string>();
  const fns: FunctionDef[] = graph.library?.function ?? [];
  for (const fn of fns) {
    const name = fn.signature?.name ?? '?';
    functions.add(name);
    scopes.push({ where: `${where} function ${name}`, nodes: fn.nodeDef ?? [] });
  }
  let embedded = 0;
  if (depth < MAX_EMBEDDED_DEPTH) {
    for (const scope of [...scopes]) {
      for (const node of scope.nodes) {
        for (const [key, value] of Object.entries(node.attr ?? {})) {
          for (const bytes of attrStrings(value)) {
            const inner = embeddedGraph(bytes);
            if (inner === undefined) continue;
            embedded++;
            const nested = graphScopes(inner, `${scope.where} node ${node.name ?? '?'} attr ${key} (embedded graph)`, depth + 1);
            scopes.push(...nested.scopes);
            for (const f of nested.functions) functions.add(f);
            embedded += nested.embedded;
          }
        }
      }
    }
  }
  return { scopes, functions, embedded };
}
