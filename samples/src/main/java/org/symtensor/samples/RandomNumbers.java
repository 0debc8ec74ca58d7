package org.symtensor.samples;

import static org.symtensor.T.*;

import org.symtensor.function.Function;
import org.symtensor.random.RandomMatrix;
import org.symtensor.random.RandomStreams;
import org.symtensor.type.FloatX;
import org.symtensor.value.NDArray;

/**
 * Theano's tutorial section "Using random numbers": random streams, a random variable drawn once
 * per call, default updates and {@code noDefaultUpdates}, seeding, saving and restoring a
 * generator state to replay draws, and one stream shared by two functions.
 */
public final class RandomNumbers {
    private RandomNumbers() {}

    public static void main(String[] args) {
        System.out.println("== Using random numbers");
        RandomStreams srng = new RandomStreams(234);
        RandomMatrix<FloatX> rvU = srng.uniform(2, 2);
        RandomMatrix<FloatX> rvN = srng.normal(2, 2);
        Function f = function(inputs(), rvU);
        Function g = function(inputs(), rvN, noDefaultUpdates()); // not updating rvN's generator state
        Function nearlyZeros = function(inputs(), rvU.plus(rvU).minus(rvU.times(2)));

        System.out.println("f() = " + f.call());
        System.out.println("f() = " + f.call() + "   (a new draw: the default update moved the state)");
        System.out.println("g() = " + g.call());
        System.out.println("g() = " + g.call() + "   (the same draw: noDefaultUpdates)");
        System.out.println("nearly_zeros() = " + nearlyZeros.call() + "   (rvU is drawn once per call)");

        // Seeding streams: one variable, or every variable of the streams object.
        rvU.rng().setValue(new long[] {89234, 0, 0});
        srng.seed(902340);
        System.out.println("after srng.seed(902340): f() = " + f.call());

        // Copying random state: save, draw twice, restore, and the same two draws come again.
        NDArray state = rvU.rng().getValue();
        NDArray v0 = f.call();
        NDArray v1 = f.call();
        rvU.rng().setValue(state);
        NDArray w0 = f.call();
        NDArray w1 = f.call();
        System.out.println("v0 = " + v0 + ", v1 = " + v1);
        System.out.println("replayed: " + w0 + ", " + w1 + "   equal: " + (v0.equals(w0) && v1.equals(w1)));

        // Sharing streams between functions: both functions advance rvU's one stream.
        Function doubled = function(inputs(), rvU.times(2));
        rvU.rng().setValue(state);
        NDArray a = f.call();
        NDArray b = doubled.call();
        System.out.println("f() = " + a + ", then doubled() = " + b + "   (2 * v1: the stream is shared)");
    }
}
