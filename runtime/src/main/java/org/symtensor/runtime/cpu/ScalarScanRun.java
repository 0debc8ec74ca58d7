package org.symtensor.runtime.cpu;

import org.symtensor.error.ShapeMismatchException;
import org.symtensor.ir.Scan;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * The per-run storage of {@link ScalarScan}: the sequences read once into primitive arrays, and one
 * primitive history per output. A recurrent output
 * kept whole writes step t at row {@code L + t} of a history of {@code L + n} rows (its initial rows
 * first), and its taps read behind that row; one kept last slides a window of its {@code L} latest
 * values. A map output kept whole has one row per step. At the end the histories become the outer
 * outputs, laid out as the general path of {@link ScanKernel} lays them out.
 */
final class ScalarScanRun {
    private final Scan op;
    private final NDArray[] in;
    private final int steps;
    final boolean[] recurrent;
    final boolean[] keepAll;
    final int[] lookBack;
    /** Per output: its history in double (float dtypes) or in long (integer and bool dtypes), or null. */
    final double[][] histD;
    final long[][] histL;
    /** Per sequence slot (an inner input that reads a tap): its values, its offset from the step, its register. */
    final double[][] seqD;
    final long[][] seqL;
    final int[] seqOff;
    final int[] seqReg;
    /** Per map output kept last: its latest value. */
    final double[] lastD;
    final long[] lastL;
    /** Per state slot of an output not carried in registers: its register, its output, and {@code L + tap}. */
    final int[] slotReg;
    final int[] slotOut;
    final int[] slotPos;

    ScalarScanRun(Scan op, NDArray[] in, int steps, boolean[] isDouble, int[] outReg, boolean[] carried) {
        this.op = op;
        this.in = in;
        this.steps = steps;
        int nSeqSlots = op.innerSeqSlot(op.seqCount(), 0);
        seqD = new double[nSeqSlots][];
        seqL = new long[nSeqSlots][];
        seqOff = new int[nSeqSlots];
        seqReg = new int[nSeqSlots];
        for (int i = 0, s = 0; i < op.seqCount(); i++) {
            int[] k = op.seqTaps(i);
            int min = op.seqTapMin(i);
            NDArray x = in[op.seqInput(i)];
            // only the entries the steps read
            int n = (int) Math.min(x.shape(0), (long) steps + op.seqTapSpan(i));
            int r0 = op.innerSeqSlot(i, 0);
            double[] vd = isDouble[r0] ? new double[n] : null;
            long[] vl = isDouble[r0] ? null : new long[n];
            if (vd != null) {
                ArrayIo.read(x.data(), x.dtype(), x.offset(), x.strides()[0], vd, 0, n);
            } else {
                ArrayIo.read(x.data(), x.dtype(), x.offset(), x.strides()[0], vl, 0, n);
            }
            for (int q = 0; q < k.length; q++, s++) {
                seqD[s] = vd;
                seqL[s] = vl;
                seqOff[s] = k[q] - min;
                seqReg[s] = op.innerSeqSlot(i, q);
            }
        }
        int nOut = op.outputCount();
        lastD = new double[nOut];
        lastL = new long[nOut];
        recurrent = new boolean[nOut];
        keepAll = new boolean[nOut];
        lookBack = new int[nOut];
        histD = new double[nOut][];
        histL = new long[nOut][];
        int nSlots = 0;
        for (int j = 0; j < nOut; j++) {
            recurrent[j] = op.isRecurrent(j);
            keepAll[j] = op.keep(j) == Scan.Keep.ALL;
            lookBack[j] = op.lookBack(j);
            nSlots += carried[j] ? 0 : op.outTaps(j).length;
            int rows = recurrent[j] ? (keepAll[j] ? lookBack[j] + steps : lookBack[j]) : (keepAll[j] ? steps : -1);
            if (rows < 0) {
                continue;
            }
            if (isDouble[outReg[j]]) {
                histD[j] = new double[rows];
            } else {
                histL[j] = new long[rows];
            }
            if (recurrent[j]) {
                NDArray init = in[op.initInput(j)];
                for (int r = 0; r < lookBack[j]; r++) {
                    if (histD[j] != null) {
                        histD[j][r] = init.getDouble(r);
                    } else {
                        histL[j][r] = init.getLong(r);
                    }
                }
            }
        }
        slotReg = new int[nSlots];
        slotOut = new int[nSlots];
        slotPos = new int[nSlots];
        for (int j = 0, s = 0; j < nOut; j++) {
            int[] taps = carried[j] ? new int[0] : op.outTaps(j);
            for (int q = 0; q < taps.length; q++, s++) {
                slotReg[s] = op.innerStateSlot(j, q);
                slotOut[s] = j;
                slotPos[s] = lookBack[j] + taps[q];
            }
        }
    }

    /** Rows of the largest stacked buffer, counted as the general path counts them. */
    long rows() {
        long rows = 0;
        for (int j = 0; j < keepAll.length; j++) {
            if (keepAll[j] && (recurrent[j] || steps > 0)) {
                rows = Math.max(rows, (recurrent[j] ? lookBack[j] : 0) + (long) steps);
            }
        }
        return rows;
    }

    /** The outer outputs after {@code done} steps. */
    NDArray[] outputs(int done) {
        int nOut = keepAll.length;
        NDArray[] out = new NDArray[nOut];
        for (int j = 0; j < nOut; j++) {
            DType dtype = op.innerOutputs().get(j).type().dtype();
            int l = lookBack[j];
            if (!keepAll[j]) {
                if (recurrent[j] && done == 0) {
                    NDArray init = in[op.initInput(j)];
                    out[j] = op.initHasAxis(j) ? init.row(l - 1) : init;
                } else if (recurrent[j]) {
                    out[j] = scalar(dtype, histD[j] != null, histD[j] != null ? histD[j][l - 1] : 0,
                            histL[j] != null ? histL[j][l - 1] : 0);
                } else if (done == 0) {
                    throw new ShapeMismatchException("scan: the last value of output " + j + " was asked for, but the loop ran no step");
                } else {
                    out[j] = scalar(dtype, dtype.isFloat(), lastD[j], lastL[j]);
                }
                continue;
            }
            int rows = recurrent[j] ? l + steps : steps;
            NDArray buffer;
            if (dtype == DType.FLOAT64) {
                buffer = NDArray.wrap(dtype, new int[] {rows}, histD[j]);
            } else if (dtype == DType.INT64) {
                buffer = NDArray.wrap(dtype, new int[] {rows}, histL[j]);
            } else {
                buffer = NDArray.zeros(dtype, rows);
                if (histD[j] != null) {
                    ArrayIo.store(histD[j], 0, buffer.data(), dtype, 0, rows);
                } else {
                    ArrayIo.store(histL[j], 0, buffer.data(), dtype, 0, rows);
                }
            }
            int kept = (recurrent[j] ? l : 0) + done;
            out[j] = done < steps ? buffer.rows(0, kept) : buffer;
        }
        return out;
    }

    private static NDArray scalar(DType dtype, boolean inDouble, double d, long l) {
        NDArray x = NDArray.zeros(dtype);
        if (inDouble) {
            x.setDouble(0, d);
        } else {
            x.setLong(0, l);
        }
        return x;
    }
}
