package org.symtensor.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.symtensor.ir.Variable;
import org.symtensor.ir.Ops;
import org.symtensor.ir.Reduce;
import org.symtensor.ir.ScalarOp;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;

/**
 * A seeded generator of random float64 graphs over a scalar, a vector of length 4 and two 4×4
 * matrices: elementwise ops (with the shapes the rewrites look for planted on purpose), casts,
 * reductions, dot products, transposes, shapes and constant subexpressions.
 */
final class RandomGraphs {
    static final int N = 4;

    final Variable s = new Variable(TensorType.ofRank(DType.FLOAT64, 0), "s");
    final Variable v = new Variable(TensorType.ofRank(DType.FLOAT64, 1), "v");
    final Variable a = new Variable(TensorType.ofRank(DType.FLOAT64, 2), "a");
    final Variable b = new Variable(TensorType.ofRank(DType.FLOAT64, 2), "b");

    private final SplittableRandom random;
    private final List<List<Variable>> byRank = new ArrayList<>();

    RandomGraphs(long seed) {
        this.random = new SplittableRandom(seed);
        byRank.add(new ArrayList<>(List.of(s)));
        byRank.add(new ArrayList<>(List.of(v)));
        byRank.add(new ArrayList<>(List.of(a, b)));
    }

    List<Variable> inputs() {
        return List.of(s, v, a, b);
    }

    /** A few outputs built from {@code steps} random nodes (later nodes reuse earlier ones). */
    List<Variable> outputs(int steps) {
        for (int i = 0; i < steps; i++) {
            Variable n = step();
            byRank.get(n.type().rank()).add(n);
        }
        List<Variable> outs = new ArrayList<>();
        for (List<Variable> pool : byRank) {
            outs.add(pool.get(pool.size() - 1 - random.nextInt(Math.min(3, pool.size()))));
        }
        return outs;
    }

    private Variable pick() {
        List<Variable> pool = byRank.get(random.nextInt(3));
        return pool.get(random.nextInt(pool.size()));
    }

    private Variable pickRank(int rank) {
        List<Variable> pool = byRank.get(rank);
        return pool.get(random.nextInt(pool.size()));
    }

    private Variable k(double value) {
        return Ops.constant(value, DType.FLOAT64);
    }

    private static Variable e(ScalarOp op, Variable... in) {
        return Ops.elemwise(op, in);
    }

    private Variable step() {
        Variable x = pick();
        Variable y = pick();
        switch (random.nextInt(28)) {
            case 0: return e(ScalarOp.ADD, x, y);
            case 1: return e(ScalarOp.SUB, x, y);
            case 2: return e(ScalarOp.MUL, x, y);
            case 3: return e(ScalarOp.TRUE_DIV, x, e(ScalarOp.ADD, e(ScalarOp.SQR, y), k(1)));
            case 4: return e(ScalarOp.POW, e(ScalarOp.ABS, x), k(new double[] {0, 0.5, 1, 2, -1, 3}[random.nextInt(6)]));
            case 5: return e(random.nextBoolean() ? ScalarOp.TANH : ScalarOp.SIGMOID, x);
            case 6: return e(ScalarOp.MUL, random.nextBoolean() ? k(1) : k(0), x);
            case 7: return e(random.nextBoolean() ? ScalarOp.ADD : ScalarOp.SUB, x, k(0));
            case 8: return e(ScalarOp.SUB, x, x);
            case 9: return e(ScalarOp.NEG, e(ScalarOp.NEG, x));
            case 10: return e(ScalarOp.TRUE_DIV, e(ScalarOp.MUL, x, y), random.nextBoolean() ? x : y);
            case 11: return e(ScalarOp.LOG, e(ScalarOp.ADD, k(1), e(ScalarOp.SQR, x)));
            case 12: return e(ScalarOp.SUB, e(ScalarOp.EXP, e(ScalarOp.TANH, x)), k(1));
            case 13: return e(ScalarOp.TRUE_DIV, k(1), e(ScalarOp.ADD, k(1), e(ScalarOp.EXP, e(ScalarOp.NEG, x))));
            case 14: return e(ScalarOp.LOG, e(ScalarOp.SIGMOID, x));
            case 15: return e(ScalarOp.LOG, e(ScalarOp.SUB, k(1), e(ScalarOp.SIGMOID, x)));
            case 16: {
                // the value reductions (a float result), in their order: the same graphs for a seed as before argmax and all existed
                Reduce.Kind[] valued = {Reduce.Kind.SUM, Reduce.Kind.PROD, Reduce.Kind.MAX, Reduce.Kind.MIN, Reduce.Kind.MEAN};
                Reduce.Kind kind = valued[random.nextInt(valued.length)];
                if (kind == Reduce.Kind.PROD) {
                    kind = Reduce.Kind.SUM;
                }
                return x.type().rank() == 0 || random.nextBoolean() ? Ops.reduce(kind, x)
                        : Ops.reduce(kind, x, random.nextInt(x.type().rank()));
            }
            case 17: {
                Variable m = pickRank(2);
                int r = random.nextInt(3);
                return r == 0 ? Ops.dot(m, pickRank(2)) : r == 1 ? Ops.dot(m, pickRank(1)) : Ops.dot(pickRank(1), pickRank(1));
            }
            case 18: return Ops.transpose(Ops.transpose(pickRank(2)));
            case 19: return e(ScalarOp.MUL, Ops.cast(Ops.shape(e(ScalarOp.ADD, pickRank(2), pickRank(1)), 1),
                    DType.FLOAT64), x);
            case 20: return e(ScalarOp.ADD, x, e(ScalarOp.MUL, k(random.nextInt(5)), e(ScalarOp.SUB, k(3), k(1))));
            case 21: return e(ScalarOp.TRUE_DIV, x, k(1));
            case 22: return Ops.cast(Ops.cast(x, DType.FLOAT32), DType.FLOAT64);
            case 23: return e(random.nextBoolean() ? ScalarOp.SUB : ScalarOp.MUL, e(ScalarOp.NEG, x), y);
            case 24: return e(ScalarOp.ADD, e(ScalarOp.NEG, e(ScalarOp.SIGMOID, x)), k(1));
            case 25: return e(ScalarOp.MUL, e(ScalarOp.TRUE_DIV, y, e(ScalarOp.ADD, k(1), e(ScalarOp.EXP, x))),
                    e(ScalarOp.EXP, x));
            case 26: return e(ScalarOp.TRUE_DIV, e(ScalarOp.EXP, x), e(ScalarOp.ADD, e(ScalarOp.EXP, x), k(1)));
            default: return e(ScalarOp.MAXIMUM, x, y);
        }
    }
}
