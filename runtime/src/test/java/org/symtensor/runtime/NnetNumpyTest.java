package org.symtensor.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.symtensor.T;
import org.symtensor.ir.Variable;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Tensor4;
import org.symtensor.tensor.Tensors;
import org.symtensor.tensor.Vector;
import org.symtensor.type.DType;
import org.symtensor.type.F64;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/**
 * The neural-network functions against NumPy and SciPy: {@code runtime/src/test/python/make_nnet_expected.py}
 * wrote {@code nnet_expected.txt} (committed, so no Python at test time) with inputs and outputs of
 * the activations, softmax and log-softmax along each axis, cross-entropies from logits, conv2d
 * (computed there tap by tap, not by im2col) and Theano's pooling. Checked in float64 and float32.
 */
class NnetNumpyTest {
    private static Map<String, Map<String, NDArray>> load() throws IOException {
        Map<String, Map<String, NDArray>> cases = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                NnetNumpyTest.class.getResourceAsStream("nnet_expected.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(" ");
                int[] shape = f[2].equals("-") ? new int[0]
                        : java.util.Arrays.stream(f[2].split(",")).mapToInt(Integer::parseInt).toArray();
                NDArray a = NDArray.zeros(DType.FLOAT64, shape);
                for (int i = 0; i < a.size(); i++) {
                    a.setDouble(i, Double.parseDouble(f[3 + i]));
                }
                cases.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(f[1], a);
            }
        }
        return cases;
    }

    private static Variable input(DType d, String name, int rank) {
        int[] shape = new int[rank];
        java.util.Arrays.fill(shape, TensorType.UNKNOWN);
        return new Variable(TensorType.of(d, shape), name);
    }

    /** The graph of one case over float inputs of dtype {@code d} (labels stay int64). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Function<List<Variable>, Tensor<?>> graph(String name) {
        String[] p = name.split(":");
        switch (p[0]) {
            case "act":
                return in -> {
                    Vector x = new Vector<>(in.get(0));
                    return switch (p[1]) {
                        case "relu" -> T.relu(x);
                        case "relu0.1" -> T.relu(x, 0.1);
                        case "elu" -> T.elu(x);
                        case "elu0.5" -> T.elu(x, 0.5);
                        case "selu" -> T.selu(x);
                        case "gelu" -> T.gelu(x);
                        case "softsign" -> T.softsign(x);
                        case "hardSigmoid" -> T.hardSigmoid(x);
                        default -> throw new AssertionError(name);
                    };
                };
            case "softmax":
                return in -> T.softmax(Tensors.wrap(in.get(0)), Integer.parseInt(p[1]));
            case "logSoftmax":
                return in -> T.logSoftmax(Tensors.wrap(in.get(0)), Integer.parseInt(p[1]));
            case "ceLogits":
                return in -> T.categoricalCrossentropyFromLogits(new Matrix(in.get(0)), new Vector(in.get(1)));
            case "bceLogits":
                return in -> T.binaryCrossentropyFromLogits(new Vector(in.get(0)), new Vector(in.get(1)));
            case "conv":
                return in -> {
                    Tensor4 x = new Tensor4<>(in.get(0));
                    Tensor4 w = new Tensor4<>(in.get(1));
                    return switch (p[1]) {
                        case "valid" -> T.conv2d(x, w);
                        case "same2" -> T.conv2d(x, w, new int[] {2, 2}, "same", new int[] {1, 1}, 2);
                        case "full" -> T.conv2d(x, w, "full");
                        case "explicit" -> T.conv2d(x, w, new int[] {2, 1}, new int[] {1, 0, 2, 1}, new int[] {2, 2}, 2);
                        default -> throw new AssertionError(name);
                    };
                };
            case "pool":
                return in -> {
                    Tensor4 x = new Tensor4<>(in.get(0));
                    return switch (name.substring(5)) {
                        case "max:2x2" -> T.maxPool2d(x, new int[] {2, 2});
                        case "max:3x2s1x2p1x1" -> T.maxPool2d(x, new int[] {3, 2}, new int[] {1, 2}, new int[] {1, 1}, true);
                        case "max:partial" -> T.maxPool2d(x, new int[] {2, 4}, new int[] {3, 3}, null, false);
                        case "inc:3x3s2p1" -> T.avgPool2d(x, new int[] {3, 3}, new int[] {2, 2}, new int[] {1, 1}, true, true);
                        case "exc:3x3s2p1" -> T.avgPool2d(x, new int[] {3, 3}, new int[] {2, 2}, new int[] {1, 1}, true,
                                false);
                        case "inc:partial" -> T.avgPool2d(x, new int[] {3, 2}, new int[] {2, 1}, null, false, true);
                        default -> throw new AssertionError(name);
                    };
                };
            default:
                throw new AssertionError("no graph for case " + name);
        }
    }

    @Test
    void everyCase_float64AndFloat32_matchesNumpy() throws IOException {
        Map<String, Map<String, NDArray>> cases = load();
        assertThat(cases.keySet()).hasSize(26);
        for (Map.Entry<String, Map<String, NDArray>> c : cases.entrySet()) {
            for (DType d : new DType[] {DType.FLOAT64, DType.FLOAT32}) {
                java.util.List<Variable> ins = new java.util.ArrayList<>();
                java.util.List<Object> args = new java.util.ArrayList<>();
                NDArray expected = null;
                for (Map.Entry<String, NDArray> a : c.getValue().entrySet()) {
                    if (a.getKey().equals("y")) {
                        expected = a.getValue();
                        continue;
                    }
                    boolean labels = a.getKey().equals("labels");
                    DType dt = labels ? DType.INT64 : d;
                    ins.add(input(dt, a.getKey(), a.getValue().rank()));
                    args.add(a.getValue().astype(dt));
                }
                Tensor<?> out = graph(c.getKey()).apply(ins);
                org.symtensor.function.Function f = T.function(T.inputs(ins.stream().map(Tensors::<F64>wrap)
                        .toArray(Tensor[]::new)), out);
                NDArray got = f.call(args.toArray());
                assertThat(got.shape()).as(c.getKey() + " shape").containsExactly(expected.shape());
                assertThat(got.dtype()).isEqualTo(d);
                double rtol = d == DType.FLOAT64 ? 1e-13 : 2e-6;
                double atol = d == DType.FLOAT64 ? 1e-14 : 2e-6;
                for (int i = 0; i < expected.size(); i++) {
                    double e = expected.getDouble(i);
                    double v = got.getDouble(i);
                    assertThat(Math.abs(v - e)).as(c.getKey() + " " + d + " element " + i + ": " + v + " vs NumPy " + e)
                            .isLessThanOrEqualTo(atol + rtol * Math.abs(e));
                }
            }
        }
    }
}
