package org.symtensor.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.T.*;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.symtensor.dsl.LinAlgFunctions;
import org.symtensor.dsl.LinAlgFunctions.NormOrd;
import org.symtensor.ir.Variable;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Tensors;
import org.symtensor.tensor.Vector;
import org.symtensor.type.DType;
import org.symtensor.type.F64;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/**
 * The linear algebra ops against NumPy: {@code linalg_expected.txt}, written by
 * {@code runtime/src/test/python/make_linalg_expected.py} (inverse, det, slogdet, solve, cholesky,
 * eigh, svd, qr, pinv, norms, diagonals, matmul with broadcasting, einsum, tensordot), in float64
 * and, for some, float32 (NumPy's float64 results on the same float32 inputs, so the float32
 * tolerance covers our one rounding).
 */
class LinAlgNumpyTest {
    /** One line of the file: the op, the dtype, the inputs and NumPy's outputs. */
    record Case(int line, String name, DType dtype, List<NDArray> inputs, List<NDArray> expected) {
        @Override
        public String toString() {
            return "line " + line + ": " + name + " " + dtype + " " + inputs.stream().map(a -> NDArray.shapeToString(a.shape())).toList();
        }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        try (var in = LinAlgNumpyTest.class.getResourceAsStream("linalg_expected.txt");
                var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] t = line.trim().split("\\s+");
                int[] pos = {4};
                DType dtype = DType.valueOf(t[1].toUpperCase(java.util.Locale.ROOT));
                int nin = Integer.parseInt(t[2]);
                int nout = Integer.parseInt(t[3]);
                List<NDArray> ins = new ArrayList<>();
                List<NDArray> outs = new ArrayList<>();
                for (int k = 0; k < nin + nout; k++) {
                    (k < nin ? ins : outs).add(array(t, pos));
                }
                out.add(new Case(no, t[0], dtype, ins, outs));
            }
        }
        return out.stream();
    }

    private static NDArray array(String[] t, int[] pos) {
        int rank = Integer.parseInt(t[pos[0]++]);
        int[] shape = new int[rank];
        for (int i = 0; i < rank; i++) {
            shape[i] = Integer.parseInt(t[pos[0]++]);
        }
        NDArray a = NDArray.zeros(DType.FLOAT64, shape);
        for (int i = 0; i < a.size(); i++) {
            a.setDouble(i, Double.parseDouble(t[pos[0]++]));
        }
        return a;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Tensor<?>> build(String name, List<Tensor<F64>> in) {
        Tensor a = in.get(0);
        Tensor b = in.size() > 1 ? in.get(1) : null;
        if (name.startsWith("einsum:")) {
            String spec = name.substring("einsum:".length());
            return List.of(b == null ? einsum(spec, a) : einsum(spec, a, b));
        }
        return switch (name) {
            case "inverse" -> List.of(inverse((Matrix) a));
            case "det" -> List.of(det((Matrix) a));
            case "slogdet" -> {
                LinAlgFunctions.Slogdet s = slogdet((Matrix) a);
                yield List.of(s.sign(), s.logAbsDet());
            }
            case "solve" -> List.of(b instanceof Vector ? solve((Matrix) a, (Vector) b) : solve((Matrix) a, (Matrix) b));
            case "cholesky" -> List.of(cholesky((Matrix) a));
            case "eigh" -> {
                LinAlgFunctions.Eigh e = eigh((Matrix) a);
                yield List.of(e.values(), e.vectors());
            }
            case "svd" -> List.of(svd((Matrix) a));
            case "svdVectors" -> {
                LinAlgFunctions.Svd s = svdVectors((Matrix) a);
                yield List.of(s.u(), s.s(), s.vt());
            }
            case "qr" -> {
                LinAlgFunctions.Qr q = qr((Matrix) a);
                yield List.of(q.q(), q.r());
            }
            case "pinv" -> List.of(pinv((Matrix) a));
            case "normFro" -> List.of(norm((Matrix) a, NormOrd.FRO));
            case "normOne" -> List.of(norm((Matrix) a, NormOrd.ONE));
            case "normTwo" -> List.of(norm((Matrix) a, NormOrd.TWO));
            case "normInf" -> List.of(norm((Matrix) a, NormOrd.INF));
            case "normAxis0" -> List.of(norm((Matrix) a, NormOrd.TWO, 0));
            case "normOneAxis1" -> List.of(norm((Matrix) a, NormOrd.ONE, 1));
            case "normFroVector" -> List.of(norm((Vector) a, NormOrd.FRO));
            case "normOneVector" -> List.of(norm((Vector) a, NormOrd.ONE));
            case "normTwoVector" -> List.of(norm((Vector) a));
            case "normInfVector" -> List.of(norm((Vector) a, NormOrd.INF));
            case "tril" -> List.of(tril((Matrix) a));
            case "outer" -> List.of(outer((Vector) a, (Vector) b));
            case "trace" -> List.of(trace((Matrix) a));
            case "diagonal" -> List.of(diag((Matrix) a));
            case "diag" -> List.of(diag((Vector) a));
            case "matmul" -> List.of(matmul(a, b));
            case "tensordot2" -> List.of(tensordot(a, b, 2));
            case "tensordot12_10" -> List.of(tensordot(a, b, new int[] {1, 2}, new int[] {1, 0}));
            default -> throw new IllegalArgumentException("unknown case " + name);
        };
    }

    /** QR is unique up to signs: R's diagonal made non-negative, Q's columns following (as the script does to NumPy's). */
    private static void fixQr(NDArray q, NDArray r) {
        int k = r.shape(0);
        for (int i = 0; i < k; i++) {
            if (r.getDoubleAt(i, i) < 0) {
                for (int j = 0; j < r.shape(1); j++) {
                    r.setDoubleAt(-r.getDoubleAt(i, j), i, j);
                }
                for (int j = 0; j < q.shape(0); j++) {
                    q.setDoubleAt(-q.getDoubleAt(j, i), j, i);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void values_matchNumpy(Case c) {
        List<Tensor<F64>> vars = new ArrayList<>();
        Object[] args = new Object[c.inputs().size()];
        for (int k = 0; k < args.length; k++) {
            int[] unknown = new int[c.inputs().get(k).rank()];
            Arrays.fill(unknown, TensorType.UNKNOWN);
            // a batch axis of length 1 is declared broadcastable, as NumPy broadcasts it
            for (int i = 0; i < unknown.length - 2; i++) {
                if (c.inputs().get(k).shape(i) == 1) {
                    unknown[i] = 1;
                }
            }
            vars.add(Tensors.wrap(new Variable(TensorType.of(c.dtype(), unknown), "x" + k)));
            args[k] = c.inputs().get(k).astype(c.dtype());
        }
        List<Tensor<?>> outs = build(c.name(), vars);

        List<NDArray> got = new ArrayList<>(function(inputs(vars.toArray(new Tensor<?>[0])),
                outputs(outs.toArray(new Tensor<?>[0]))).callAll(args));

        if (c.name().equals("qr")) {
            got.set(0, got.get(0).copy());
            got.set(1, got.get(1).copy());
            fixQr(got.get(0), got.get(1));
        }
        double tol = c.dtype() == DType.FLOAT64 ? 1e-10 : 2e-5;
        assertThat(got).hasSameSizeAs(c.expected());
        for (int k = 0; k < got.size(); k++) {
            NDArray g = got.get(k);
            NDArray e = c.expected().get(k);
            assertThat(g.dtype()).as("output %d dtype", k).isEqualTo(c.dtype());
            assertThat(g.shape()).as("output %d shape", k).containsExactly(e.shape());
            double scale = 1;
            for (int i = 0; i < e.size(); i++) {
                scale = Math.max(scale, Math.abs(e.getDouble(i)));
            }
            for (int i = 0; i < e.size(); i++) {
                assertThat(Math.abs(g.getDouble(i) - e.getDouble(i))).as("output %d element %d: %s vs NumPy %s", k, i,
                        g.getDouble(i), e.getDouble(i)).isLessThanOrEqualTo(tol * scale);
            }
        }
    }
}
