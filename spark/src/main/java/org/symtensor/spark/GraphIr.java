package org.symtensor.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Constant;
import org.symtensor.ir.DimShuffle;
import org.symtensor.ir.Dot;
import org.symtensor.ir.Elemwise;
import org.symtensor.ir.Eye;
import org.symtensor.ir.GradMark;
import org.symtensor.ir.Graphs;
import org.symtensor.ir.Op;
import org.symtensor.ir.Reduce;
import org.symtensor.ir.ScalarOp;
import org.symtensor.ir.ShapeOf;
import org.symtensor.ir.SharedValue;
import org.symtensor.ir.Variable;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/**
 * A versioned binary form of an IR graph, so that a graph built on the driver can be rebuilt on an
 * executor. The layout (big-endian, {@link DataOutputStream}; strings are {@code writeUTF}, a nullable
 * string is a boolean then the string) is documented in docs/spark.md:
 *
 * <pre>
 * int magic 0x53594D47 ("SYMG")   int version (1)
 * int nInputs, then per input: type, nullable name                 -- values 0 .. nInputs-1
 * int nNodes, then per node a tag byte:
 *   'C' constant: nullable name, array                              -- the next value
 *   'A' apply: op, int nIn, nIn value refs, int nOut, nOut nullable names  -- the next nOut values
 * int nOutputs, then nOutputs value refs
 * type  = dtype name, int rank, rank ints (-1 for an axis known at run time)
 * array = dtype name, int rank, rank ints, then size values in C order (double, float, long, int,
 *         short or byte per dtype; bool as a byte 0/1)
 * op    = OpKind name, then: ELEMWISE scalar-op name, nullable cast dtype; DIMSHUFFLE int n, n ints
 *         (-1 inserts an axis); REDUCE kind name, int n (-1: all axes), n ints; DOT nothing;
 *         SHAPE int axis; EYE dtype name; GRAD_MARK kind name, nullable reason
 * </pre>
 *
 * Reading rebuilds every node through {@link Apply#of}, so the types are checked again by the reader's
 * own op classes. Graphs are written before optimization (the optimizer runs again where the function
 * is compiled). Ops with inner graphs or generator state (scan, random draws, ifelse), fused
 * composites, indexing and any op kind added after version 1 are refused with a message naming the kind.
 */
public final class GraphIr {
    /** The first four bytes of every serialized graph: "SYMG". */
    public static final int MAGIC = 0x53594D47;
    /** The format version this class writes and the only one it reads. */
    public static final int VERSION = 1;

    private GraphIr() {}

    /** A graph read back: its inputs (fresh variables, in the written order) and its outputs. */
    public record Graph(List<Variable> inputs, List<Variable> outputs) {}

    /**
     * Serializes the graph from {@code inputs} to {@code outputs}. Every leaf the outputs depend on must
     * be one of {@code inputs} (shared variables included: they become plain inputs) or a constant.
     */
    public static byte[] write(List<? extends Variable> inputs, List<? extends Variable> outputs) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            new Writer(out).write(inputs, outputs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Rebuilds a graph written by {@link #write}; a wrong magic, version or a truncated stream is an {@link IrFormatException}. */
    public static Graph read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return new Reader(in).read();
        } catch (EOFException e) {
            throw new IrFormatException("serialized graph: truncated (" + bytes.length + " bytes)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Writer {
        private final DataOutputStream out;
        private final Map<Variable, Integer> refs = new IdentityHashMap<>();
        private int nextRef;

        Writer(DataOutputStream out) {
            this.out = out;
        }

        void write(List<? extends Variable> inputs, List<? extends Variable> outputs) throws IOException {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(inputs.size());
            for (Variable v : inputs) {
                if (refs.containsKey(v)) {
                    throw new IrFormatException("serialized graph: input " + v.describe() + " is listed twice");
                }
                writeType(v.type());
                writeName(v.name());
                refs.put(v, nextRef++);
            }
            List<Apply> applies = Graphs.toposort(outputs);
            ByteArrayOutputStream nodeBytes = new ByteArrayOutputStream();
            DataOutputStream nodes = new DataOutputStream(nodeBytes);
            int count = 0;
            for (Apply a : applies) {
                for (Variable in : a.inputs()) {
                    count += leaf(nodes, in);
                }
                nodes.writeByte('A');
                writeOp(nodes, a.op());
                nodes.writeInt(a.inputs().size());
                for (Variable in : a.inputs()) {
                    nodes.writeInt(refs.get(in));
                }
                nodes.writeInt(a.outputs().size());
                for (Variable o : a.outputs()) {
                    writeName(nodes, o.name());
                    refs.put(o, nextRef++);
                }
                count++;
            }
            for (Variable o : outputs) {
                count += leaf(nodes, o);
            }
            out.writeInt(count);
            nodes.flush();
            nodeBytes.writeTo(out);
            out.writeInt(outputs.size());
            for (Variable o : outputs) {
                out.writeInt(refs.get(o));
            }
        }

        /** Writes {@code v} if it is a constant not yet written (1 node); checks other leaves are inputs. */
        private int leaf(DataOutputStream nodes, Variable v) throws IOException {
            if (refs.containsKey(v)) {
                return 0;
            }
            if (v instanceof Constant c) {
                nodes.writeByte('C');
                writeName(nodes, c.name());
                writeArray(nodes, c.value());
                refs.put(v, nextRef++);
                return 1;
            }
            if (v instanceof SharedValue) {
                throw new IrFormatException("serialized graph: the graph reads the shared variable " + v.describe()
                        + " (" + v.type() + "), which is not one of its inputs; list it among the parameters, or use a"
                        + " constant");
            }
            if (v.owner() == null) {
                throw new IrFormatException("serialized graph: the graph reads the input " + v.describe() + " ("
                        + v.type() + "), which is not one of the listed inputs");
            }
            throw new IllegalStateException("apply output seen before its apply: " + v.describe());
        }

        private void writeType(TensorType t) throws IOException {
            writeType(out, t);
        }

        private void writeName(String name) throws IOException {
            writeName(out, name);
        }

        private static void writeType(DataOutputStream o, TensorType t) throws IOException {
            o.writeUTF(t.dtype().name());
            o.writeInt(t.rank());
            for (int s : t.shape()) {
                o.writeInt(s);
            }
        }

        private static void writeName(DataOutputStream o, String name) throws IOException {
            o.writeBoolean(name != null);
            if (name != null) {
                o.writeUTF(name);
            }
        }

        private static void writeOp(DataOutputStream o, Op op) throws IOException {
            if (op instanceof Elemwise e) {
                o.writeUTF("ELEMWISE");
                o.writeUTF(e.scalarOp().name());
                writeName(o, e.castTo() == null ? null : e.castTo().name());
            } else if (op instanceof DimShuffle d) {
                o.writeUTF("DIMSHUFFLE");
                writeInts(o, d.pattern());
            } else if (op instanceof Reduce r) {
                o.writeUTF("REDUCE");
                o.writeUTF(r.reduceKind().name());
                writeInts(o, r.axes());
            } else if (op instanceof Dot) {
                o.writeUTF("DOT");
            } else if (op instanceof ShapeOf s) {
                o.writeUTF("SHAPE");
                o.writeInt(s.axis());
            } else if (op instanceof Eye e) {
                o.writeUTF("EYE");
                o.writeUTF(e.dtype().name());
            } else if (op instanceof GradMark g) {
                o.writeUTF("GRAD_MARK");
                o.writeUTF(g.markKind().name());
                writeName(o, g.reason());
            } else {
                throw new IrFormatException("serialized graph: op kind " + op.kind() + " (" + op.name()
                        + ") is not supported by IR format version " + VERSION + "; supported: ELEMWISE, DIMSHUFFLE,"
                        + " REDUCE, DOT, SHAPE, EYE, GRAD_MARK and constants. Ship such a model as a @SymbolicFunction"
                        + " recipe instead (FunctionRecipe.symbolic)");
            }
        }

        private static void writeInts(DataOutputStream o, int[] v) throws IOException {
            if (v == null) {
                o.writeInt(-1);
                return;
            }
            o.writeInt(v.length);
            for (int x : v) {
                o.writeInt(x);
            }
        }

        private static void writeArray(DataOutputStream o, NDArray a) throws IOException {
            NDArray c = a.contiguous();
            o.writeUTF(c.dtype().name());
            o.writeInt(c.rank());
            for (int s : c.shape()) {
                o.writeInt(s);
            }
            int n = c.size();
            switch (c.dtype()) {
                case FLOAT64 -> {
                    for (int i = 0; i < n; i++) {
                        o.writeDouble(c.getDouble(i));
                    }
                }
                case FLOAT32 -> {
                    for (int i = 0; i < n; i++) {
                        o.writeFloat((float) c.getDouble(i));
                    }
                }
                case INT64 -> {
                    for (int i = 0; i < n; i++) {
                        o.writeLong(c.getLong(i));
                    }
                }
                case INT32 -> {
                    for (int i = 0; i < n; i++) {
                        o.writeInt((int) c.getLong(i));
                    }
                }
                case INT16 -> {
                    for (int i = 0; i < n; i++) {
                        o.writeShort((short) c.getLong(i));
                    }
                }
                case INT8, UINT8, BOOL -> {
                    for (int i = 0; i < n; i++) {
                        o.writeByte((byte) c.getLong(i));
                    }
                }
            }
        }
    }

    private static final class Reader {
        private final DataInputStream in;
        private final List<Variable> values = new ArrayList<>();

        Reader(DataInputStream in) {
            this.in = in;
        }

        Graph read() throws IOException {
            int magic = in.readInt();
            if (magic != MAGIC) {
                throw new IrFormatException(String.format("serialized graph: bad magic number 0x%08X, expected 0x%08X"
                        + " (\"SYMG\"); these bytes are not a Symtensor graph", magic, MAGIC));
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IrFormatException("serialized graph: IR format version " + version + ", but this Symtensor"
                        + " reads version " + VERSION + " only; build the recipe with the same Symtensor version that"
                        + " runs on the executors");
            }
            List<Variable> inputs = new ArrayList<>();
            int nInputs = count("inputs");
            for (int i = 0; i < nInputs; i++) {
                TensorType t = readType();
                Variable v = new Variable(t, readName());
                inputs.add(v);
                values.add(v);
            }
            int nNodes = count("nodes");
            for (int i = 0; i < nNodes; i++) {
                int tag = in.readByte();
                if (tag == 'C') {
                    String name = readName();
                    Constant c = new Constant(readArray());
                    if (name != null) {
                        c.setName(name);
                    }
                    values.add(c);
                } else if (tag == 'A') {
                    Op op = readOp();
                    int nIn = count("apply inputs");
                    List<Variable> args = new ArrayList<>(nIn);
                    for (int j = 0; j < nIn; j++) {
                        args.add(ref());
                    }
                    Apply a = Apply.of(op, args);
                    int nOut = count("apply outputs");
                    if (nOut != a.outputs().size()) {
                        throw new IrFormatException("serialized graph: " + op.name() + " was written with " + nOut
                                + " outputs but has " + a.outputs().size() + " here");
                    }
                    for (Variable o : a.outputs()) {
                        String name = readName();
                        if (name != null) {
                            o.setName(name);
                        }
                        values.add(o);
                    }
                } else {
                    throw new IrFormatException("serialized graph: unknown node tag " + tag + " at node " + i);
                }
            }
            int nOutputs = count("outputs");
            List<Variable> outputs = new ArrayList<>();
            for (int i = 0; i < nOutputs; i++) {
                outputs.add(ref());
            }
            if (in.read() != -1) {
                throw new IrFormatException("serialized graph: extra bytes after the outputs");
            }
            return new Graph(List.copyOf(inputs), List.copyOf(outputs));
        }

        private int count(String what) throws IOException {
            int n = in.readInt();
            if (n < 0) {
                throw new IrFormatException("serialized graph: negative count " + n + " of " + what);
            }
            return n;
        }

        private Variable ref() throws IOException {
            int r = in.readInt();
            if (r < 0 || r >= values.size()) {
                throw new IrFormatException("serialized graph: reference " + r + " to a value not yet defined (there are "
                        + values.size() + ")");
            }
            return values.get(r);
        }

        private String readName() throws IOException {
            return in.readBoolean() ? in.readUTF() : null;
        }

        private DType readDType() throws IOException {
            String name = in.readUTF();
            try {
                return DType.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw new IrFormatException("serialized graph: unknown dtype '" + name + "'");
            }
        }

        private int[] readShape() throws IOException {
            int rank = count("axes");
            int[] shape = new int[rank];
            for (int i = 0; i < rank; i++) {
                shape[i] = in.readInt();
            }
            return shape;
        }

        private TensorType readType() throws IOException {
            DType d = readDType();
            return TensorType.of(d, readShape());
        }

        private int[] readInts() throws IOException {
            int n = in.readInt();
            if (n < 0) {
                return null;
            }
            int[] v = new int[n];
            for (int i = 0; i < n; i++) {
                v[i] = in.readInt();
            }
            return v;
        }

        private Op readOp() throws IOException {
            String kind = in.readUTF();
            switch (kind) {
                case "ELEMWISE": {
                    String scalar = in.readUTF();
                    String cast = readName();
                    if (cast != null) {
                        return Elemwise.cast(DType.valueOf(cast));
                    }
                    try {
                        return Elemwise.of(ScalarOp.valueOf(scalar));
                    } catch (IllegalArgumentException e) {
                        throw new IrFormatException("serialized graph: unknown scalar op '" + scalar
                                + "' (written by a newer Symtensor?)");
                    }
                }
                case "DIMSHUFFLE":
                    return DimShuffle.of(readInts());
                case "REDUCE": {
                    Reduce.Kind k = Reduce.Kind.valueOf(in.readUTF());
                    return Reduce.of(k, readInts());
                }
                case "DOT":
                    return Dot.INSTANCE;
                case "SHAPE":
                    return ShapeOf.of(in.readInt());
                case "EYE":
                    return Eye.of(readDType());
                case "GRAD_MARK": {
                    GradMark.Kind k = GradMark.Kind.valueOf(in.readUTF());
                    return GradMark.of(k, readName());
                }
                default:
                    throw new IrFormatException("serialized graph: op kind '" + kind + "' is not part of IR format version "
                            + VERSION);
            }
        }

        private NDArray readArray() throws IOException {
            DType d = readDType();
            int[] shape = readShape();
            NDArray a = NDArray.zeros(d, shape);
            int n = a.size();
            switch (d) {
                case FLOAT64 -> {
                    for (int i = 0; i < n; i++) {
                        a.setDouble(i, in.readDouble());
                    }
                }
                case FLOAT32 -> {
                    for (int i = 0; i < n; i++) {
                        a.setDouble(i, in.readFloat());
                    }
                }
                case INT64 -> {
                    for (int i = 0; i < n; i++) {
                        a.setLong(i, in.readLong());
                    }
                }
                case INT32 -> {
                    for (int i = 0; i < n; i++) {
                        a.setLong(i, in.readInt());
                    }
                }
                case INT16 -> {
                    for (int i = 0; i < n; i++) {
                        a.setLong(i, in.readShort());
                    }
                }
                case INT8, BOOL -> {
                    for (int i = 0; i < n; i++) {
                        a.setLong(i, in.readByte());
                    }
                }
                case UINT8 -> {
                    for (int i = 0; i < n; i++) {
                        a.setLong(i, in.readByte() & 0xFF);
                    }
                }
            }
            return a;
        }
    }
}
