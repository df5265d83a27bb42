import protobuf from 'protobufjs';

/**
 * The subset of TensorFlow's saved_model.proto, meta_graph.proto, graph.proto, node_def.proto, function.proto,
 * attr_value.proto and tensor.proto the scanner needs, written from the published .proto field numbers.
 * Unlisted fields (tensor contents, shapes, signatures) are skipped by the decoder.
 */
const nameAttrs = { keyType: 'string', type: 'AttrValue' };
const root = protobuf.Root.fromJSON({
  nested: {
    tensorflow: {
      nested: {
        TensorProto: { fields: { dtype: { type: 'int32', id: 1 }, stringVal: { rule: 'repeated', type: 'bytes', id: 8 } } },
        NameAttrList: { fields: { name: { type: 'string', id: 1 }, attr: { ...nameAttrs, id: 2 } } },
        ListValue: {
          fields: {
            s: { rule: 'repeated', type: 'bytes', id: 2 },
            tensor: { rule: 'repeated', type: 'TensorProto', id: 8 },
            func: { rule: 'repeated', type: 'NameAttrList', id: 9 },
          },
        },
        AttrValue: {
          oneofs: { value: { oneof: ['list', 's', 'i', 'f', 'b', 'type', 'tensor', 'placeholder', 'func'] } },
          fields: {
            list: { type: 'ListValue', id: 1 },
            s: { type: 'bytes', id: 2 },
            i: { type: 'int64', id: 3 },
            f: { type: 'float', id: 4 },
            b: { type: 'bool', id: 5 },
            type: { type: 'int32', id: 6 },
            tensor: { type: 'TensorProto', id: 8 },
            placeholder: { type: 'string', id: 9 },
            func: { type: 'NameAttrList', id: 10 },
          },
        },
        NodeDef: {
          fields: {
            name: { type: 'string', id: 1 },
            op: { type: 'string', id: 2 },
            input: { rule: 'repeated', type: 'string', id: 3 },
            device: { type: 'string', id: 4 },
            attr: { ...nameAttrs, id: 5 },
          },
        },
        OpDef: { fields: { name: { type: 'string', id: 1 } } },
        FunctionDef: {
          fields: {
            signature: { type: 'OpDef', id: 1 },
            nodeDef: { rule: 'repeated', type: 'NodeDef', id: 3 },
            attr: { ...nameAttrs, id: 5 },
          },
        },
        FunctionDefLibrary: { fields: { function: { rule: 'repeated', type: 'FunctionDef', id: 1 } } },
        VersionDef: { fields: { producer: { type: 'int32', id: 1 }, minConsumer: { type: 'int32', id: 2 } } },
        GraphDef: {
          fields: {
            node: { rule: 'repeated', type: 'NodeDef', id: 1 },
            library: { type: 'FunctionDefLibrary', id: 2 },
            versions: { type: 'VersionDef', id: 4 },
          },
        },
        MetaInfoDef: {
          fields: {
            metaGraphVersion: { type: 'string', id: 1 },
            tags: { rule: 'repeated', type: 'string', id: 4 },
            tensorflowVersion: { type: 'string', id: 5 },
            tensorflowGitVersion: { type: 'string', id: 6 },
          },
        },
        MetaGraphDef: { fields: { metaInfoDef: { type: 'MetaInfoDef', id: 1 }, graphDef: { type: 'GraphDef', id: 2 } } },
        SavedModel: {
          fields: {
            savedModelSchemaVersion: { type: 'int64', id: 1 },
            metaGraphs: { rule: 'repeated', type: 'MetaGraphDef', id: 2 },
          },
        },
      },
    },
  },
});

const SavedModelType = root.lookupType('tensorflow.SavedModel');
const GraphDefType = root.lookupType('tensorflow.GraphDef');

export interface NameAttrList {
  name?: string;
  attr?: Record<string, AttrValue>;
}
export interface TensorProto {
  stringVal?: Uint8Array[];
}
export interface AttrValue {
  list?: { s?: Uint8Array[]; tensor?: TensorProto[]; func?: NameAttrList[] };
  s?: Uint8Array;
  tensor?: TensorProto;
  func?: NameAttrList;
}
export interface NodeDef {
  name?: string;
  op?: string;
  input?: string[];
  attr?: Record<string, AttrValue>;
}
export interface FunctionDef {
  signature?: { name?: string };
  nodeDef?: NodeDef[];
  attr?: Record<string, AttrValue>;
}
export interface GraphDef {
  node?: NodeDef[];
  library?: { function?: FunctionDef[] };
  versions?: { producer?: number };
}
export interface SavedModel {
  savedModelSchemaVersion?: string;
  metaGraphs?: { metaInfoDef?: { tags?: string[]; tensorflowVersion?: string }; graphDef?: GraphDef }[];
}

const OBJECT_OPTIONS = { longs: String, defaults: false, arrays: true, objects: true } as const;

export function decodeSavedModel(bytes: Uint8Array): SavedModel {
  return SavedModelType.toObject(SavedModelType.decode(bytes), OBJECT_OPTIONS) as SavedModel;
}

export function decodeGraphDef(bytes: Uint8Array): GraphDef {
  return GraphDefType.toObject(GraphDefType.decode(bytes), OBJECT_OPTIONS) as GraphDef;
}
