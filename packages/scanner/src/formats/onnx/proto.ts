import protobuf from 'protobufjs';

/**
 * The subset of onnx.proto (onnx/onnx, proto3 wire-compatible) the scanner needs. Fields left out (raw tensor
 * data, type info) are skipped by the decoder without being copied, which keeps a large model cheap to walk.
 */
const root = protobuf.Root.fromJSON({
  nested: {
    onnx: {
      nested: {
        StringStringEntryProto: { fields: { key: { type: 'string', id: 1 }, value: { type: 'string', id: 2 } } },
        OperatorSetIdProto: { fields: { domain: { type: 'string', id: 1 }, version: { type: 'int64', id: 2 } } },
        TensorProto: {
          fields: {
            name: { type: 'string', id: 8 },
            externalData: { rule: 'repeated', type: 'StringStringEntryProto', id: 13 },
            dataLocation: { type: 'int32', id: 14 },
          },
        },
        SparseTensorProto: { fields: { values: { type: 'TensorProto', id: 1 }, indices: { type: 'TensorProto', id: 2 } } },
        AttributeProto: {
          fields: {
            name: { type: 'string', id: 1 },
            t: { type: 'TensorProto', id: 5 },
            g: { type: 'GraphProto', id: 6 },
            tensors: { rule: 'repeated', type: 'TensorProto', id: 10 },
            graphs: { rule: 'repeated', type: 'GraphProto', id: 11 },
            sparseTensor: { type: 'SparseTensorProto', id: 22 },
            sparseTensors: { rule: 'repeated', type: 'SparseTensorProto', id: 23 },
          },
        },
        NodeProto: {
          fields: {
            name: { type: 'string', id: 3 },
            opType: { type: 'string', id: 4 },
            domain: { type: 'string', id: 7 },
            attribute: { rule: 'repeated', type: 'AttributeProto', id: 5 },
          },
        },
        GraphProto: {
          fields: {
            node: { rule: 'repeated', type: 'NodeProto', id: 1 },
            name: { type: 'string', id: 2 },
            initializer: { rule: 'repeated', type: 'TensorProto', id: 5 },
            sparseInitializer: { rule: 'repeated', type: 'SparseTensorProto', id: 15 },
          },
        },
        FunctionProto: {
          fields: {
            name: { type: 'string', id: 1 },
            node: { rule: 'repeated', type: 'NodeProto', id: 7 },
            domain: { type: 'string', id: 10 },
          },
        },
        ModelProto: {
          fields: {
            irVersion: { type: 'int64', id: 1 },
            producerName: { type: 'string', id: 2 },
            producerVersion: { type: 'string', id: 3 },
            domain: { type: 'string', id: 4 },
            modelVersion: { type: 'int64', id: 5 },
            graph: { type: 'GraphProto', id: 7 },
            opsetImport: { rule: 'repeated', type: 'OperatorSetIdProto', id: 8 },
            metadataProps: { rule: 'repeated', type: 'StringStringEntryProto', id: 14 },
            functions: { rule: 'repeated', type: 'FunctionProto', id: 25 },
          },
        },
      },
    },
  },
});

export const ModelProto = root.lookupType('onnx.ModelProto');

export interface Entry {
  key?: string;
  value?: string;
}
export interface Tensor {
  name?: string;
  externalData?: Entry[];
  dataLocation?: number;
}
export interface SparseTensor {
  values?: Tensor;
  indices?: Tensor;
}
export interface Attribute {
  name?: string;
  t?: Tensor;
  g?: Graph;
  tensors?: Tensor[];
  graphs?: Graph[];
  sparseTensor?: SparseTensor;
  sparseTensors?: SparseTensor[];
}
export interface Node {
  name?: string;
  opType?: string;
  domain?: string;
  attribute?: Attribute[];
}
export interface Graph {
  node?: Node[];
  name?: string;
  initializer?: Tensor[];
  sparseInitializer?: SparseTensor[];
}
export interface Model {
  irVersion?: string;
  producerName?: string;
  producerVersion?: string;
  graph?: Graph;
  opsetImport?: { domain?: string; version?: string }[];
  functions?: { name?: string; domain?: string; node?: Node[] }[];
}

/** Decodes a ModelProto into plain objects (int64 as decimal strings). */
export function decodeModel(bytes: Uint8Array): Model {
  const message = ModelProto.decode(bytes);
  return ModelProto.toObject(message, { longs: String, defaults: false, arrays: true }) as Model;
}
