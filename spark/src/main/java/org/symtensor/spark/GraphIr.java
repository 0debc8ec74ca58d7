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
import java.util.Set;
import org.symtensor.error.SymtensorException;
import org.symtensor.ir.AdvancedIncSubtensor;
import org.symtensor.ir.AdvancedSubtensor;
import org.symtensor.ir.Alloc;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Arange;
import org.symtensor.ir.ArgSort;
import org.symtensor.ir.Composite;
import org.symtensor.ir.Constant;
import org.symtensor.ir.Conv2d;
import org.symtensor.ir.Cumulative;
import org.symtensor.ir.DimShuffle;
import org.symtensor.ir.Dot;
import org.symtensor.ir.Elemwise;
import org.symtensor.ir.Eye;
import org.symtensor.ir.GradMark;
import org.symtensor.ir.Graphs;
import org.symtensor.ir.IncSubtensor;
import org.symtensor.ir.Join;
import org.symtensor.ir.LinAlg;
import org.symtensor.ir.Op;
import org.symtensor.ir.OpKind;
import org.symtensor.ir.Pool2d;
import org.symtensor.ir.Reduce;
import org.symtensor.ir.Reshape;
import org.symtensor.ir.ScalarOp;
import org.symtensor.ir.ShapeOf;
import org.symtensor.ir.SharedValue;
import org.symtensor.ir.SpecifyShape;
import org.symtensor.ir.Subtensor;
import org.symtensor.ir.TakeAlongAxis;
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
 * int magic 0x53594D47 ("SYMG")   int version (2; version 1 is read too)
 * int nInputs, then per input: type, nullable name                 -- values 0 .. nInputs-1
 * int nNodes, then per node a tag byte:
 *   'C' constant: nullable name, array                              -- the next value
 *   'A' apply: op, int nIn, nIn value refs, int nOut, nOut nullable names  -- the next nOut values
 * int nOutputs, then nOutputs value refs
 * type  = dtype name, int rank, rank ints (-1 for an axis known at run time)
 * array = dtype name, int rank, rank ints, then size values in C order (double, float, long, int,
 *         short or byte per dtype; bool as a byte 0/1)
 * ints  = int n (-1: null), n ints
 * op    = OpKind name, then the op's parameters (one line per kind in docs/spark.md)
 * </pre>
 *
 * <p>Every op kind whose parameters are plain values is carried: each is written through its public
 * accessors and rebuilt through its public factory, exactly as generated code rebuilds optimized
 * graphs. Reading rebuilds every node through {@link Apply#of}, so the types are checked again by the
 * reader's own op classes. Graphs are written before optimization (the optimizer runs again where the
 * function is compiled). Ops with inner graphs or generator state (scan, random draws, ifelse) are
 * refused with a message naming the kind and pointing to {@code FunctionRecipe.symbolic}. The op
 * dispatch is an exhaustive switch over {@link OpKind}, so a kind added later does not compile until
 * this class encodes or refuses it.
 */
public final class GraphIr {
    /** The first four bytes of every serialized graph: "SYMG". */
    public static final int MAGIC = 0x53594D47;
    /**
     * The format version this class writes. It reads this one and version 1, whose streams are version
     * 2's restricted to the op kinds of {@link #VERSION_1_KINDS} (version 2 added kinds, and changed none).
     */
    public static final int VERSION = 2;

    /** The op kinds a version 1 stream may hold. */
    private static final Set<String> VERSION_1_KINDS =
            Set.of("ELEMWISE", "DIMSHUFFLE", "REDUCE", "DOT", "SHAPE", "EYE", "GRAD_MARK");

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
                // the op first: an op that cannot be written is named before the state it reads is
                ByteArrayOutputStream opBytes = new ByteArrayOutputStream();
                DataOutputStream op = new DataOutputStream(opBytes);
                writeOp(op, a.op());
                op.flush();
                for (Variable in : a.inputs()) {
                    count += leaf(nodes, in);
                }
                nodes.writeByte('A');
                opBytes.writeTo(nodes);
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

        /** Writes one op's parameters (after its kind name). */
        private interface ParamWriter {
            void write(DataOutputStream o) throws IOException;
        }

        /**
         * Writes the op's kind name and parameters. The dispatch is a switch expression over
         * {@link OpKind} without a default, so the compiler checks it covers every kind: a kind added
         * later does not compile here until this format says how it is written (or why it is refused).
         */
        private static void writeOp(DataOutputStream o, Op op) throws IOException {
            ParamWriter params = switch (op.kind()) {
                case ELEMWISE -> p -> writeElemwise(p, (Elemwise) op);
                case DIMSHUFFLE -> p -> writeInts(p, ((DimShuffle) op).pattern());
                case REDUCE -> p -> writeReduce(p, (Reduce) op);
                case DOT -> p -> { };
                case SHAPE -> p -> p.writeInt(((ShapeOf) op).axis());
                case EYE -> p -> p.writeUTF(((Eye) op).dtype().name());
                case GRAD_MARK -> p -> {
                    GradMark g = (GradMark) op;
                    p.writeUTF(g.markKind().name());
                    writeName(p, g.reason());
                };
                // inner graphs and generator state have no value encoding: the symbolic recipe rebuilds them
                case RANDOM, SCAN, IFELSE -> throw new IrFormatException("serialized graph: op kind " + op.kind() + " ("
                        + op.name() + ") holds " + (op.kind() == OpKind.RANDOM ? "random generator state" : "inner graphs")
                        + ", which IR format version " + VERSION + " does not carry; ship such a model as a"
                        + " @SymbolicFunction recipe instead (FunctionRecipe.symbolic), which rebuilds the graph from"
                        + " the application's code on each executor");
                case INDEX -> p -> writeSubtensor(p, (Subtensor) op);
                case INC_INDEX -> p -> writeSubtensor(p, ((IncSubtensor) op).view());
                case COMPOSITE -> p -> writeComposite(p, (Composite) op);
                case LINALG -> p -> p.writeUTF(((LinAlg) op).linAlgKind().name());
                case CONV2D -> p -> {
                    Conv2d c = (Conv2d) op;
                    p.writeUTF(c.variant().name());
                    writeInts(p, c.stride());
                    writeInts(p, c.dilation());
                    p.writeInt(c.groups());
                    p.writeUTF(c.padding().name());
                    writeInts(p, c.explicitPads());
                };
                case POOL2D -> p -> {
                    Pool2d pool = (Pool2d) op;
                    p.writeUTF(pool.mode().name());
                    p.writeUTF(pool.variant().name());
                    writeInts(p, pool.window());
                    writeInts(p, pool.stride());
                    writeInts(p, pool.pad());
                    p.writeBoolean(pool.ignoreBorder());
                };
                case RESHAPE -> p -> p.writeInt(((Reshape) op).ndim());
                case JOIN -> p -> p.writeInt(((Join) op).axis());
                case ALLOC -> p -> p.writeInt(((Alloc) op).ndim());
                case ARANGE -> p -> p.writeUTF(((Arange) op).dtype().name());
                case SPECIFY_SHAPE -> p -> writeInts(p, ((SpecifyShape) op).shape());
                case ADVANCED_INDEX -> p -> writeAdvanced(p, (AdvancedSubtensor) op);
                case ADVANCED_INC -> p -> {
                    AdvancedIncSubtensor a = (AdvancedIncSubtensor) op;
                    p.writeBoolean(a.isSet());
                    writeAdvanced(p, a.view());
                };
                case CUMULATIVE -> p -> {
                    Cumulative c = (Cumulative) op;
                    p.writeUTF(c.cumulativeKind().name());
                    p.writeInt(c.axis());
                    p.writeBoolean(c.reverse());
                };
                case SORT -> p -> {
                    ArgSort sort = (ArgSort) op;
                    p.writeInt(sort.axis());
                    p.writeBoolean(sort.descending());
                    p.writeInt(sort.k());
                };
                case TAKE_ALONG -> p -> {
                    TakeAlongAxis t = (TakeAlongAxis) op;
                    p.writeUTF(t.mode().name());
                    p.writeInt(t.axis());
                };
                // made only by the CPU optimizer (softmax_rows) from the primitive graph a recipe carries
                case SOFTMAX -> throw new IrFormatException("serialized graph: op kind SOFTMAX (" + op.name() + ") is made"
                        + " by the CPU optimizer, and IR format version " + VERSION + " carries graphs as built; serialize"
                        + " the graph before optimization (NNet.softmax builds it from primitive ops, which the format carries)");
            };
            // the kind's name is the OpKind constant's, which the reader's switch matches
            o.writeUTF(op.kind().name());
            params.write(o);
        }

        /** Scalar-op name, then the cast dtype (null unless CAST). */
        private static void writeElemwise(DataOutputStream o, Elemwise e) throws IOException {
            o.writeUTF(e.scalarOp().name());
            writeName(o, e.castTo() == null ? null : e.castTo().name());
        }

        private static void writeReduce(DataOutputStream o, Reduce r) throws IOException {
            o.writeUTF(r.reduceKind().name());
            writeInts(o, r.axes());
        }

        /** Form name, axis, hasStart, hasStop, step (the last three are ignored for INDEX). */
        private static void writeSubtensor(DataOutputStream o, Subtensor s) throws IOException {
            o.writeUTF(s.form().name());
            o.writeInt(s.axis());
            boolean slice = s.form() == Subtensor.Form.SLICE;
            o.writeBoolean(slice && s.hasStart());
            o.writeBoolean(slice && s.hasStop());
            o.writeInt(slice ? s.step() : 1);
        }

        /** Form name, then the axis (0 for MASK, which indexes the whole tensor). */
        private static void writeAdvanced(DataOutputStream o, AdvancedSubtensor a) throws IOException {
            o.writeUTF(a.form().name());
            o.writeInt(a.axis());
        }

        /**
         * The scalar program as {@link Composite#program} takes it: input dtypes, rank-0 constants, steps
         * (elemwise op, result dtype, operand numbers), then the optional reduce tail.
         */
        private static void writeComposite(DataOutputStream o, Composite c) throws IOException {
            o.writeInt(c.inputDtypes().size());
            for (DType d : c.inputDtypes()) {
                o.writeUTF(d.name());
            }
            o.writeInt(c.constants().size());
            for (NDArray k : c.constants()) {
                writeArray(o, k);
            }
            o.writeInt(c.steps().size());
            for (Composite.Step s : c.steps()) {
                writeElemwise(o, s.op());
                o.writeUTF(s.dtype().name());
                writeInts(o, s.args());
            }
            o.writeBoolean(c.reduce() != null);
            if (c.reduce() != null) {
                writeReduce(o, c.reduce());
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
        /** The version the stream declares: version 1 streams may only hold version 1's op kinds. */
        private int version;

        Reader(DataInputStream in) {
            this.in = in;
        }

        Graph read() throws IOException {
            int magic = in.readInt();
            if (magic != MAGIC) {
                throw new IrFormatException(String.format("serialized graph: bad magic number 0x%08X, expected 0x%08X"
                        + " (\"SYMG\"); these bytes are not a Symtensor graph", magic, MAGIC));
            }
            version = in.readInt();
            if (version < 1 || version > VERSION) {
                throw new IrFormatException("serialized graph: IR format version " + version + ", but this Symtensor"
                        + " reads versions 1 to " + VERSION + " only; build the recipe with the same Symtensor version"
                        + " that runs on the executors");
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
            return dtype(in.readUTF());
        }

        private static DType dtype(String name) {
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
            if (version == 1 && !VERSION_1_KINDS.contains(kind)) {
                throw new IrFormatException("serialized graph: op kind '" + kind + "' is not part of IR format version 1");
            }
            try {
                return readOp(kind);
            } catch (IrFormatException e) {
                throw e;
            } catch (SymtensorException | IllegalArgumentException e) {
                // a factory refused the written parameters: damaged bytes, or a writer with other rules
                throw new IrFormatException("serialized graph: the parameters of op kind " + kind + " are invalid here: "
                        + e.getMessage());
            }
        }

        private Op readOp(String kind) throws IOException {
            switch (kind) {
                case "ELEMWISE":
                    return readElemwise();
                case "DIMSHUFFLE":
                    return DimShuffle.of(readInts());
                case "REDUCE":
                    return readReduce();
                case "DOT":
                    return Dot.INSTANCE;
                case "SHAPE":
                    return ShapeOf.of(in.readInt());
                case "EYE":
                    return Eye.of(readDType());
                case "GRAD_MARK": {
                    GradMark.Kind k = readEnum(GradMark.Kind.class, "grad-mark kind");
                    return GradMark.of(k, readName());
                }
                case "INDEX":
                    return readSubtensor();
                case "INC_INDEX":
                    return IncSubtensor.of(readSubtensor());
                case "COMPOSITE":
                    return readComposite();
                case "LINALG":
                    return LinAlg.of(readEnum(LinAlg.Kind.class, "linalg kind"));
                case "CONV2D": {
                    Conv2d.Variant variant = readEnum(Conv2d.Variant.class, "conv2d variant");
                    int[] stride = readInts();
                    int[] dilation = readInts();
                    int groups = in.readInt();
                    Conv2d.Padding padding = readEnum(Conv2d.Padding.class, "conv2d padding");
                    return Conv2d.of(variant, stride, dilation, groups, padding, readInts());
                }
                case "POOL2D": {
                    Pool2d.Mode mode = readEnum(Pool2d.Mode.class, "pool2d mode");
                    Pool2d.Variant variant = readEnum(Pool2d.Variant.class, "pool2d variant");
                    int[] window = readInts();
                    int[] stride = readInts();
                    int[] pad = readInts();
                    return Pool2d.of(mode, variant, window, stride, pad, in.readBoolean());
                }
                case "RESHAPE":
                    return Reshape.of(in.readInt());
                case "JOIN":
                    return Join.of(in.readInt());
                case "ALLOC":
                    return Alloc.of(in.readInt());
                case "ARANGE":
                    return Arange.of(readDType());
                case "SPECIFY_SHAPE":
                    return SpecifyShape.of(readInts());
                case "ADVANCED_INDEX":
                    return readAdvanced();
                case "ADVANCED_INC": {
                    boolean set = in.readBoolean();
                    AdvancedSubtensor view = readAdvanced();
                    return set ? AdvancedIncSubtensor.set(view) : AdvancedIncSubtensor.inc(view);
                }
                case "CUMULATIVE": {
                    Cumulative.Kind k = readEnum(Cumulative.Kind.class, "cumulative kind");
                    int axis = in.readInt();
                    return Cumulative.of(k, axis, in.readBoolean());
                }
                case "SORT": {
                    int axis = in.readInt();
                    boolean descending = in.readBoolean();
                    return ArgSort.of(axis, descending, in.readInt());
                }
                case "TAKE_ALONG": {
                    TakeAlongAxis.Mode mode = readEnum(TakeAlongAxis.Mode.class, "take-along mode");
                    return TakeAlongAxis.of(mode, in.readInt());
                }
                default:
                    throw new IrFormatException("serialized graph: op kind '" + kind + "' is not part of IR format version "
                            + version + " (written by a newer Symtensor?)");
            }
        }

        private Elemwise readElemwise() throws IOException {
            String scalar = in.readUTF();
            String cast = readName();
            if (cast != null) {
                return Elemwise.cast(dtype(cast));
            }
            try {
                return Elemwise.of(ScalarOp.valueOf(scalar));
            } catch (IllegalArgumentException e) {
                throw new IrFormatException("serialized graph: unknown scalar op '" + scalar
                        + "' (written by a newer Symtensor?)");
            }
        }

        private Reduce readReduce() throws IOException {
            Reduce.Kind k = readEnum(Reduce.Kind.class, "reduce kind");
            return Reduce.of(k, readInts());
        }

        private Subtensor readSubtensor() throws IOException {
            Subtensor.Form form = readEnum(Subtensor.Form.class, "subtensor form");
            int axis = in.readInt();
            boolean hasStart = in.readBoolean();
            boolean hasStop = in.readBoolean();
            int step = in.readInt();
            return form == Subtensor.Form.INDEX ? Subtensor.index(axis) : Subtensor.slice(axis, hasStart, hasStop, step);
        }

        private AdvancedSubtensor readAdvanced() throws IOException {
            AdvancedSubtensor.Form form = readEnum(AdvancedSubtensor.Form.class, "advanced-index form");
            int axis = in.readInt();
            return form == AdvancedSubtensor.Form.MASK ? AdvancedSubtensor.mask() : AdvancedSubtensor.take(axis);
        }

        private Composite readComposite() throws IOException {
            int nInputs = count("composite inputs");
            List<DType> dtypes = new ArrayList<>(nInputs);
            for (int i = 0; i < nInputs; i++) {
                dtypes.add(readDType());
            }
            int nConstants = count("composite constants");
            List<NDArray> constants = new ArrayList<>(nConstants);
            for (int i = 0; i < nConstants; i++) {
                constants.add(readArray());
            }
            int nSteps = count("composite steps");
            List<Composite.Step> steps = new ArrayList<>(nSteps);
            for (int i = 0; i < nSteps; i++) {
                Elemwise op = readElemwise();
                DType d = readDType();
                int[] args = readInts();
                if (args == null) {
                    throw new IrFormatException("serialized graph: composite step " + i + " has no operand list");
                }
                steps.add(Composite.Step.of(op, d, args));
            }
            Composite c = Composite.program(dtypes, constants, steps);
            return in.readBoolean() ? c.withReduce(readReduce()) : c;
        }

        private <E extends Enum<E>> E readEnum(Class<E> type, String what) throws IOException {
            String name = in.readUTF();
            try {
                return Enum.valueOf(type, name);
            } catch (IllegalArgumentException e) {
                throw new IrFormatException("serialized graph: unknown " + what + " '" + name
                        + "' (written by a newer Symtensor?)");
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
