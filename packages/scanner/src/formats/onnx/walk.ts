import type { Graph, Model, Node, SparseTensor, Tensor } from './proto.js';

/** Every node and tensor of a model: main graph, subgraphs in attributes (If/Loop/Scan bodies), and local functions. */
export function walkModel(model: Model): { nodes: Node[]; tensors: Tensor[] } {
  const nodes: Node[] = [];
  const tensors: Tensor[] = [];
  const graphs: Graph[] = model.graph === undefined ? [] : [model.graph];
  const addSparse = (s: SparseTensor | undefined) => {
    if (s?.values !== undefined) tensors.push(s.values);
    if (s?.indices !== undefined) tensors.push(s.indices);
  };
  const addNodes = (list: Node[] | undefined) => {
    for (const node of list ?? []) {
      nodes.push(node);
      for (const attr of node.attribute ?? []) {
        if (attr.t !== undefined) tensors.push(attr.t);
        tensors.push(...(attr.tensors ?? []));
        addSparse(attr.sparseTensor);
        for (const s of attr.sparseTensors ?? []) addSparse(s);
        if (attr.g !== undefined) graphs.push(attr.g);
        graphs.push(...(attr.graphs ?? []));
      }
    }
  };
  for (const fn of model.functions ?? []) addNodes(fn.node);
  while (graphs.length > 0) {
    const g = graphs.pop()!;
    tensors.push(...(g.initializer ?? []));
    for (const s of g.sparseInitializer ?? []) addSparse(s);
    addNodes(g.node);
  }
  return { nodes, tensors };
}
