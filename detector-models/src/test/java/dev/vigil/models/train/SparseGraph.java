package dev.vigil.models.train;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Rewrites Tribuo's two ONNX exports (each {@code Gemm(input[1,N], W[N,L], b[L])} then Softmax
 * or Sigmoid over a dense input row) into one graph over a sparse input, with the same weights:
 *
 * <pre>
 *   indices int64[k], values float[k]
 *   for each model: Gather(W, indices) -> [k,L]; Mul(., Unsqueeze(values, 1)) -> [k,L];
 *                   ReduceSum(., axis 0, keepdims) -> [1,L]; Add(., b); Softmax | Sigmoid
 *   outputs: stage float[1,11], signals float[1,10]
 * </pre>
 *
 * A message has about a hundred non-zero columns out of some twenty thousand, so the sparse graph
 * does k*L multiply-adds instead of N*L, and one run serves both models. Tribuo's own export is
 * kept as the reference: the trainer and ParityTest compare this graph with Tribuo's in-memory
 * models.
 */
final class SparseGraph {

  static final String INDICES = "indices";
  static final String VALUES = "values";
  static final int OPSET = 13;

  private SparseGraph() {}

  /** A dense model's weight matrix, bias and activation. */
  private record Dense(OnnxMl.TensorProto weights, OnnxMl.TensorProto bias, String activation) {
    static Dense of(OnnxMl.ModelProto m) {
      OnnxMl.GraphProto g = m.getGraph();
      List<OnnxMl.NodeProto> nodes = g.getNodeList();
      if (nodes.size() != 3 || !nodes.get(0).getOpType().equals("Gemm")
          || !(nodes.get(1).getOpType().equals("Softmax") || nodes.get(1).getOpType().equals("Sigmoid"))
          || nodes.get(0).getAttributeCount() != 0) {
        throw new IllegalStateException("unexpected Tribuo ONNX graph: " + nodes);
      }
      OnnxMl.TensorProto w = null;
      OnnxMl.TensorProto b = null;
      for (OnnxMl.TensorProto t : g.getInitializerList()) {
        if (t.getName().equals(nodes.get(0).getInput(1))) {
          w = t;
        } else if (t.getName().equals(nodes.get(0).getInput(2))) {
          b = t;
        }
      }
      if (w == null || b == null || w.getDimsCount() != 2 || b.getDimsCount() != 1) {
        throw new IllegalStateException("Tribuo ONNX graph without its weights");
      }
      if (nodes.get(1).getOpType().equals("Softmax")) {
        for (OnnxMl.AttributeProto a : nodes.get(1).getAttributeList()) {
          if (a.getName().equals("axis") && a.getI() != 1) {
            throw new IllegalStateException("Softmax over axis " + a.getI());
          }
        }
      }
      return new Dense(w, b, nodes.get(1).getOpType());
    }
  }

  /** The combined sparse graph, serialised. */
  static byte[] build(OnnxMl.ModelProto stage, OnnxMl.ModelProto signals) {
    Dense s = Dense.of(stage);
    Dense g = Dense.of(signals);
    if (s.weights().getDims(0) != g.weights().getDims(0)) {
      throw new IllegalStateException("the two models have different inputs");
    }
    OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder().setName("vigil-linear");
    graph.addInput(valueInfo(INDICES, OnnxMl.TensorProto.DataType.INT64, -1, 0));
    graph.addInput(valueInfo(VALUES, OnnxMl.TensorProto.DataType.FLOAT, -1, 0));
    graph.addInitializer(int64("axis1", 1));
    graph.addInitializer(int64("axis0", 0));
    graph.addNode(node("Unsqueeze", "unsqueeze", List.of(VALUES, "axis1"), "values_column"));
    add(graph, "stage", s);
    add(graph, "signals", g);
    OnnxMl.ModelProto model = OnnxMl.ModelProto.newBuilder()
        .setIrVersion(7)
        .setProducerName("dev.vigil.models.train.Trainer")
        .setDomain(Trainer.DOMAIN)
        .setModelVersion(1)
        .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
        .setGraph(graph)
        .build();
    return model.toByteArray();
  }

  private static void add(OnnxMl.GraphProto.Builder graph, String name, Dense d) {
    long labels = d.weights().getDims(1);
    graph.addInitializer(d.weights().toBuilder().setName(name + "_weights"));
    graph.addInitializer(d.bias().toBuilder().setName(name + "_bias"));
    graph.addNode(node("Gather", name + "_gather", List.of(name + "_weights", INDICES), name + "_rows")
        .toBuilder().addAttribute(OnnxMl.AttributeProto.newBuilder().setName("axis")
            .setType(OnnxMl.AttributeProto.AttributeType.INT).setI(0)).build());
    graph.addNode(node("Mul", name + "_mul", List.of(name + "_rows", "values_column"), name + "_terms"));
    graph.addNode(node("ReduceSum", name + "_sum", List.of(name + "_terms", "axis0"), name + "_dot")
        .toBuilder().addAttribute(OnnxMl.AttributeProto.newBuilder().setName("keepdims")
            .setType(OnnxMl.AttributeProto.AttributeType.INT).setI(1)).build());
    graph.addNode(node("Add", name + "_add", List.of(name + "_dot", name + "_bias"), name + "_logits"));
    OnnxMl.NodeProto activation = node(d.activation(), name + "_act", List.of(name + "_logits"), name);
    if (d.activation().equals("Softmax")) {
      activation = activation.toBuilder().addAttribute(OnnxMl.AttributeProto.newBuilder().setName("axis")
          .setType(OnnxMl.AttributeProto.AttributeType.INT).setI(1)).build();
    }
    graph.addNode(activation);
    graph.addOutput(valueInfo(name, OnnxMl.TensorProto.DataType.FLOAT, 1, labels));
  }

  private static OnnxMl.NodeProto node(String op, String name, List<String> inputs, String output) {
    return OnnxMl.NodeProto.newBuilder().setOpType(op).setName(name).addAllInput(inputs).addOutput(output).build();
  }

  private static OnnxMl.TensorProto int64(String name, long value) {
    ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value);
    return OnnxMl.TensorProto.newBuilder().setName(name).setDataType(OnnxMl.TensorProto.DataType.INT64.getNumber())
        .addDims(1).setRawData(ByteString.copyFrom(b.array())).build();
  }

  /** A tensor type: rank 1 of unknown length when {@code second} is 0, else [first, second]. */
  private static OnnxMl.ValueInfoProto valueInfo(String name, OnnxMl.TensorProto.DataType type, long first,
      long second) {
    OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder();
    shape.addDim(first < 0 ? OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam("k")
        : OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(first));
    if (second > 0) {
      shape.addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(second));
    }
    return OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(OnnxMl.TypeProto.newBuilder()
        .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(shape)))
        .build();
  }
}
