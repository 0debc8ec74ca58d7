package com.example.minimal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The generated functions give the values of the formulas, computed here by hand. */
class LogisticTest {
    @Test
    void logistic_matrix_matchesTheFormula() {
        double[][] x = {{0, 1}, {-1, -2}};
        double[][] s = LogisticSymbolic.logistic().call(x);
        for (int i = 0; i < x.length; i++) {
            double[] expected = new double[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                expected[j] = 1 / (1 + Math.exp(-x[i][j]));
            }
            assertArrayEquals(expected, s[i], 1e-12);
        }
        System.out.println("minimal example: LogisticSymbolic.logistic() = " + java.util.Arrays.deepToString(s)
                + " (Vector API " + (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() ? "on" : "off") + ")");
    }

    @Test
    void add_leftOut_defaultsToOne() {
        assertEquals(11f, LogisticSymbolic.add().call(10f));
        assertEquals(12f, LogisticSymbolic.add().call(10f, 2f));
    }
}
