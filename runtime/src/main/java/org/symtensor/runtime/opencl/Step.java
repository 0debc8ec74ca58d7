package org.symtensor.runtime.opencl;

import org.symtensor.error.SymtensorException;
import org.symtensor.ir.Apply;
import org.symtensor.runtime.cpu.Kernel;
import org.symtensor.value.NDArray;

/**
 * One step of a {@link org.symtensor.runtime.link.Plan} as the {@link DeviceSchedule} runs it, over
 * the plan's slots: on the device (inputs uploaded if they are on the host), on the host through the
 * CPU kernel (inputs downloaded if they are on the device: Theano's host fallback), as a shape read
 * (no transfer), or as a pass-through.
 */
abstract class Step {
    final Apply node;
    final int[] ins;
    final int[] outs;

    Step(Apply node, int[] ins, int[] outs) {
        this.node = node;
        this.ins = ins;
        this.outs = outs;
    }

    abstract void run(Frame f);

    /** Whether the node runs on the device (for the host-fallback log and for tests). */
    abstract boolean onDevice();

    static Step device(Apply node, int[] ins, int[] outs, DeviceKernel kernel) {
        return new Step(node, ins, outs) {
            @Override
            void run(Frame f) {
                DeviceArray[] args = new DeviceArray[ins.length];
                for (int k = 0; k < ins.length; k++) {
                    args[k] = f.device(ins[k]);
                }
                f.putDevice(outs[0], kernel.run(args, f));
            }

            @Override
            boolean onDevice() {
                return true;
            }
        };
    }

    static Step host(Apply node, int[] ins, int[] outs, Kernel kernel) {
        return new Step(node, ins, outs) {
            @Override
            void run(Frame f) {
                NDArray[] args = new NDArray[ins.length];
                for (int k = 0; k < ins.length; k++) {
                    args[k] = f.host(ins[k]);
                }
                NDArray[] r = kernel.run(args);
                for (int k = 0; k < outs.length; k++) {
                    if (r[k].dtype() != node.outputs().get(k).type().dtype()) {
                        throw new SymtensorException("internal error: the CPU kernel of " + node + " returned "
                                + r[k].dtype() + " for output " + k + "; please report this");
                    }
                    f.putHost(outs[k], r[k]);
                }
            }

            @Override
            boolean onDevice() {
                return false;
            }
        };
    }

    /** {@code ShapeOf}: reads the length of an axis wherever the value lives, without moving it. */
    static Step shape(Apply node, int[] ins, int[] outs, int axis) {
        return new Step(node, ins, outs) {
            @Override
            void run(Frame f) {
                f.putHost(outs[0], NDArray.of((long) f.shape(ins[0])[axis]));
            }

            @Override
            boolean onDevice() {
                return true;
            }
        };
    }

    /** An identity forward (a gradient mark): the output is the input, on whichever side it lives. */
    static Step pass(Apply node, int[] ins, int[] outs) {
        return new Step(node, ins, outs) {
            @Override
            void run(Frame f) {
                f.host[outs[0]] = f.host[ins[0]];
                f.dev[outs[0]] = f.dev[ins[0]];
            }

            @Override
            boolean onDevice() {
                return true;
            }
        };
    }
}
